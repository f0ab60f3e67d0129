import { createRoot } from 'react-dom/client'
import { BrowserRouter } from 'react-router'
import { AppProviders } from '../shared/theme'
import { AdminApp } from './AdminApp'

createRoot(document.getElementById('root')!).render(
  <AppProviders>
    <BrowserRouter>
      <AdminApp />
    </BrowserRouter>
  </AppProviders>,
)
