// Every contract module, imported for its registration side effect (the OpenAPI document lists them).
export * from "./define";
export * from "./system";
