export * from "./users";
export * from "./settings";
export * from "./indexes";
export * from "./tasks";
export * from "./pending-changes";
export * from "./api-keys";
export * from "./deployments";
export * from "./hooks";
