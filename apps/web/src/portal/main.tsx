import { createRoot } from 'react-dom/client'
import { BrowserRouter } from 'react-router'
import { AppProviders } from '../shared/theme'
import { PortalApp } from './PortalApp'

createRoot(document.getElementById('root')!).render(
  <AppProviders>
    <BrowserRouter basename="/portal">
      <PortalApp />
    </BrowserRouter>
  </AppProviders>,
)
