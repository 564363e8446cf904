import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { ClientProvider } from './data/client-context.tsx';
import { httpClient } from './data/http-client.ts';
import { ViewProvider } from './view-context.tsx';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ClientProvider client={httpClient()}>
      <ViewProvider>
        <App />
      </ViewProvider>
    </ClientProvider>
  </StrictMode>,
);
