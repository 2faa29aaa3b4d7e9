/**
 * The proxy in its own process for the benchmarks (its memory measured alone), pointed at a Gemini double in this
 * process, with its data dir in a fresh temp folder so a benchmark never touches ./data. The same helper the
 * tests use.
 */
export { startProxyProcess, type ProxyProcess } from '../test/support/proxy-process.js';
