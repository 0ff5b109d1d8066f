// Registers every worker loop. Domains add their loop here (deploys, outbound deliveries).
export {};
