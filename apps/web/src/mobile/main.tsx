import { createRoot } from 'react-dom/client'
import { MobileApp } from './MobileApp'
import './mobile.css'

createRoot(document.getElementById('root')!).render(<MobileApp />)

// Installable and usable offline: the service worker keeps the app shell (see public/m/sw.js).
if ('serviceWorker' in navigator && window.isSecureContext) {
  navigator.serviceWorker.register('/m/sw.js', { scope: '/m/' }).catch(() => {})
}
