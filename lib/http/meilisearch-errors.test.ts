// Meilisearch's error object from ours, and path parameters read by a contract's template.
import { describe, expect, it } from "vitest";
import { AppError, badRequest, forbidden, notFound, unauthorized } from "../errors";
import { meilisearchError } from "./meilisearch-errors";
import { withPathParams } from "./path-params";
import { getMeiliWebhookContract, getTaskContract, createMeiliWebhookContract, listTasksContract } from "../contracts";

const req = (bearer?: string) => new Request("http://x/api/v1/tasks", { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });

describe("meilisearchError", () => {
  it("tells a missing header from a bad key; forbidden is invalid_api_key; type auth", () => {
    expect(meilisearchError(unauthorized(), listTasksContract, req())).toMatchObject({ code: "missing_authorization_header", type: "auth" });
    expect(meilisearchError(unauthorized(), listTasksContract, req("nope"))).toMatchObject({ code: "invalid_api_key", type: "auth" });
    expect(meilisearchError(forbidden(), listTasksContract, req("k"))).toMatchObject({ code: "invalid_api_key", type: "auth" });
  });

  it("maps per contract, by field, and keeps Meilisearch's own codes", () => {
    expect(meilisearchError(notFound("No task 9."), getTaskContract, req("k"))).toEqual({
      message: "No task 9.",
      code: "task_not_found",
      type: "invalid_request",
      link: "https://docs.meilisearch.com/errors#task_not_found",
    });
    expect(meilisearchError(notFound(), getMeiliWebhookContract, req("k")).code).toBe("webhook_not_found");
    expect(meilisearchError(badRequest("Invalid path parameters.", [{ path: "uid", message: "x", code: "invalid_type" }]), getTaskContract, req("k")).code).toBe("invalid_task_uids");
    expect(meilisearchError(badRequest("Invalid path parameters.", [{ path: "uuid", message: "x", code: "invalid_format" }]), getMeiliWebhookContract, req("k")).code).toBe("invalid_webhook_uuid");
    expect(meilisearchError(badRequest("Invalid request body.", [{ path: "uuid", message: "x", code: "invalid_type" }]), createMeiliWebhookContract, req("k")).code).toBe("immutable_webhook_uuid");
    expect(meilisearchError(badRequest("Invalid request body.", [{ path: "headers.bad name", message: "x", code: "invalid_key" }]), createMeiliWebhookContract, req("k")).code).toBe("invalid_webhook_headers");
    expect(meilisearchError(badRequest("A push hook needs a url.", [{ path: ["url"], message: "required", code: "invalid_type" }]), createMeiliWebhookContract, req("k")).code).toBe("invalid_webhook_url");
    expect(meilisearchError(badRequest("Invalid request body.", [{ path: "(root)", message: "x", code: "unrecognized_keys" }]), createMeiliWebhookContract, req("k")).code).toBe("bad_request");
    expect(meilisearchError(badRequest("bad", undefined, "invalid_task_statuses"), listTasksContract, req("k")).code).toBe("invalid_task_statuses");
    expect(meilisearchError(new AppError("internal_error", "boom"), listTasksContract, req("k"))).toMatchObject({ code: "internal", type: "internal" });
  });
});

describe("withPathParams", () => {
  it("fills the contract's names Next did not give, from the URL, decoded", () => {
    expect(withPathParams("/api/v1/webhooks/{indexId}/notify", "/api/v1/webhooks/my%20ix/notify", { id: "my ix" })).toEqual({ id: "my ix", indexId: "my ix" });
    expect(withPathParams("/api/v1/webhooks/{uuid}", "/api/v1/webhooks/abc/", { id: "abc" })).toEqual({ id: "abc", uuid: "abc" });
  });

  it("leaves Next's params alone when they already name everything, and never guesses on another shape", () => {
    const given = { indexId: "a" };
    expect(withPathParams("/api/v1/indexes/{indexId}", "/api/v1/indexes/b", given)).toBe(given);
    expect(withPathParams("/api/v1/webhooks/{uuid}", "/api/v1/webhooks/a/b", { id: "a" })).toEqual({ id: "a" });
    expect(withPathParams("/api/v1/webhooks/{uuid}", "/api/v1/webhooks/%E0%A4%A", {}).uuid).toBe("%E0%A4%A");
  });
});
