// Loads the wasm UI. A file rather than an inline script, so the CSP needs no exception.
import init from "./ui.js";
init();
