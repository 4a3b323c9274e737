import init from "./ui.js";
init();
