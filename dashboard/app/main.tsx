import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { ClientProvider, SessionProvider } from './data/client-context.tsx';
import { httpClient } from './data/http-client.ts';
import { ViewProvider } from './view-context.tsx';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ClientProvider client={httpClient()}>
      <SessionProvider>
        <ViewProvider>
          <App />
        </ViewProvider>
      </SessionProvider>
    </ClientProvider>
  </StrictMode>,
);
