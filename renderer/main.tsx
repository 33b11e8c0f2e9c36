// Renderer entry: start i18n, then render the shell.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The shared stylesheets first: tokens, page-wide rules, controls, content primitives; each component adds its own.
import './styles/tokens.css';
import './styles/base.css';
import './styles/controls.css';
import './styles/content.css';
import { App } from './App';
import { initI18n } from './i18n';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');

void initI18n('en').then(() => {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
