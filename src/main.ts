import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';

const target = document.getElementById('app')!;
// The static fallback text in index.html is for no-JS readers; the app replaces it.
target.textContent = '';
mount(App, { target });
