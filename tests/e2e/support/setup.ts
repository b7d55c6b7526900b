// Runs before each e2e test file: the browser that browser.ts starts on demand is closed after it.
import { afterAll } from 'vitest';
import { closeBrowser } from './browser.ts';

afterAll(closeBrowser);
