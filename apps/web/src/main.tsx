import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import './i18n';
import './styles.css';
import { AuthProvider } from './auth/AuthContext';
import { App } from './app/App';
import { registerServiceWorker } from './offline/register-sw';
import { startOfflineQueue } from './offline/queue';
import { registerCheckinSender } from './features/scanner/checkin-sync';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <AuthProvider>
        <App />
      </AuthProvider>
    </BrowserRouter>
  </StrictMode>,
);

registerServiceWorker();
registerCheckinSender();
startOfflineQueue();
