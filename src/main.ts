// First: starts the cache reads before the rest of the code runs.
import './boot';
import { mount } from 'svelte';
import App from './App.svelte';
import { loadDict } from './i18n';
import { parseView } from './app/url';
import './styles/global.css';

performance.mark('app:start');
const target = document.getElementById('app')!;
const { lang } = parseView(location.search);
// A link in another language loads its strings first, so the page never flashes in Swedish.
const ready = lang === 'sv' ? Promise.resolve() : loadDict(lang).then(() => undefined);
ready.finally(() => {
  // The static fallback text in index.html is for no-JS readers; the app replaces it.
  target.textContent = '';
  mount(App, { target });
  performance.mark('app:mounted');
});
