import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import './app.css';
import { warmUpFlameChartWhenIdle } from './views/flame-warm-up';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
warmUpFlameChartWhenIdle();
