// Every contract module, imported for its registration side effect (the OpenAPI document lists them).
export * from "./define";
export * from "./system";
export * from "./orama-schema";
export * from "./indexes";
export * from "./tasks";
export * from "./webhooks";
export * from "./keys";
export * from "./search-api";
export * from "./deployments";
export * from "./hooks";
export * from "./inspector";
export * from "./deliveries";
export * from "./users";
export * from "./audit";
export * from "./registration";
export * from "./transformations";
export * from "./dumps";
