/**
 * The cohort API over HTTP: every route answered for a stranger (401), a learner (403), another
 * instructor (403), the cohort's instructor and an admin; bad input named; a learner joining by
 * code; cross-site requests refused.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { Client, newLearner, signedInAdmin } from "./helpers/http-client";

type ErrorBody = { error: { code: string; message: string; fieldErrors?: Record<string, string[]> } };

/** A new account made an instructor by the admin. */
async function newInstructor(boss: Client): Promise<{ client: Client; id: string }> {
  const made = await newLearner("instructor");
  const res = await boss.request(`/api/admin/users/${made.id}`, { method: "PATCH", json: { role: "INSTRUCTOR" } });
  expect(res.status).toBe(200);
  return { client: made.client, id: made.id };
}

describe("cohorts API", () => {
  // One admin sign-in for the whole file: sign-ins per account are rate-limited, and other test
  // files sign the demo admin in too.
  let boss: Client;
  beforeAll(async () => {
    boss = await signedInAdmin();
  });

  it("answers each route by who asks: 401 signed out, 403 learner and other instructor, 2xx the cohort's instructor and admins", async () => {
    const owner = await newInstructor(boss);
    const other = await newInstructor(boss);
    const learner = await newLearner("cohort-learner");
    const created = await owner.client.request("/api/instructor/cohorts", { method: "POST", json: { name: "Tuesday group", guides: ["kafka"] } });
    expect(created.status).toBe(201);
    const { id, joinCode } = (await created.json()) as { id: string; joinCode: string };
    // A member, for the learner drill-down (the learner above stays outside the cohort).
    const member = await newLearner("cohort-member");
    expect((await member.client.request("/api/cohorts/join", { method: "POST", json: { code: joinCode } })).status).toBe(200);
    const routes: [string, string, unknown, number][] = [
      ["/api/instructor/cohorts", "GET", undefined, 200],
      [`/api/instructor/cohorts/${id}`, "GET", undefined, 200],
      [`/api/instructor/cohorts/${id}`, "PATCH", { archived: false }, 200],
      [`/api/instructor/cohorts/${id}/join-code`, "POST", undefined, 200],
      [`/api/instructor/cohorts/${id}/members/${learner.id}`, "DELETE", undefined, 404],
      [`/api/instructor/cohorts/${id}/progress.csv`, "GET", undefined, 200],
      [`/api/instructor/cohorts/${id}/attempts.csv`, "GET", undefined, 200],
      [`/api/instructor/cohorts/${id}/ratings.csv`, "GET", undefined, 200],
      [`/api/instructor/cohorts/${id}/questions`, "GET", undefined, 200],
      [`/api/instructor/cohorts/${id}/ratings`, "GET", undefined, 200],
      [`/api/instructor/cohorts/${id}/learners/${member.id}`, "GET", undefined, 200],
      [`/api/instructor/cohorts/${id}/learners/${learner.id}`, "GET", undefined, 404],
    ];
    for (const [path, method, json, ok] of routes) {
      expect((await new Client().request(path, { method, json })).status, `${method} ${path} signed out`).toBe(401);
      expect((await learner.client.request(path, { method, json })).status, `${method} ${path} learner`).toBe(403);
      if (path !== "/api/instructor/cohorts") expect((await other.client.request(path, { method, json })).status, `${method} ${path} other instructor`).toBe(403);
      expect((await owner.client.request(path, { method, json })).status, `${method} ${path} owner`).toBe(ok);
      expect((await boss.request(path, { method, json })).status, `${method} ${path} admin`).toBe(ok);
    }
    // Question analysis over every learner: admins only.
    expect((await owner.client.request(`/api/instructor/cohorts/${id}/questions?scope=all`)).status).toBe(403);
    expect((await boss.request(`/api/instructor/cohorts/${id}/questions?scope=all`)).status).toBe(200);
    const badScope = await boss.request(`/api/instructor/cohorts/${id}/questions?scope=everyone`);
    expect(badScope.status).toBe(400);
    expect(((await badScope.json()) as ErrorBody).error.fieldErrors).toHaveProperty("scope");

    // The pages: sign-in first, /forbidden for learners and other instructors, 200 for the cohort's instructor and admins.
    for (const page of [`/instructor/cohorts/${id}`, `/instructor/cohorts/${id}/questions`, `/instructor/cohorts/${id}/feedback`, `/instructor/cohorts/${id}/learners/${member.id}`]) {
      const anonymous = await new Client().request(page);
      expect(anonymous.status, `${page} signed out`).toBe(307);
      expect(anonymous.headers.get("location"), page).toContain(`/sign-in?callbackUrl=${encodeURIComponent(page)}`);
      for (const [who, client] of [["learner", learner.client], ["other instructor", other.client]] as const) {
        const res = await client.request(page);
        expect(res.status, `${page} ${who}`).toBe(307);
        expect(res.headers.get("location"), `${page} ${who}`).toMatch(/\/forbidden$/);
      }
      expect((await owner.client.request(page)).status, `${page} owner`).toBe(200);
      expect((await boss.request(page)).status, `${page} admin`).toBe(200);
    }
    expect((await owner.client.request(`/instructor/cohorts/${id}/learners/${learner.id}`)).status).toBe(404);
    // The questions page widens to every learner for admins only; an instructor asking gets the cohort.
    expect(await (await boss.request(`/instructor/cohorts/${id}/questions?scope=all`)).text()).toContain("Over every learner of these guides");
    expect(await (await owner.client.request(`/instructor/cohorts/${id}/questions?scope=all`)).text()).toContain("Over this cohort");

    const csv = await owner.client.request(`/api/instructor/cohorts/${id}/attempts.csv`);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toBe(`attachment; filename="cohort-${id}-attempts.csv"`);
    expect((await csv.text()).startsWith("submitted_at,attempt_id,")).toBe(true);
    const listed = (await (await other.client.request("/api/instructor/cohorts")).json()) as { cohorts: { id: string }[] };
    expect(listed.cohorts.map((c) => c.id)).not.toContain(id);
    expect((await learner.client.request("/api/instructor/cohorts", { method: "POST", json: { name: "Mine", guides: ["kafka"] } })).status).toBe(403);
  });

  it("lets a learner join by code, shows them to the instructor, and lets the instructor remove them and rotate the code", async () => {
    const owner = await newInstructor(boss);
    const created = (await (await owner.client.request("/api/instructor/cohorts", { method: "POST", json: { name: "Evening class", guides: ["kafka"] } })).json()) as { id: string; joinCode: string };
    const learner = await newLearner("joiner");
    const joined = await learner.client.request("/api/cohorts/join", { method: "POST", json: { code: created.joinCode.toLowerCase() } });
    expect(joined.status).toBe(200);
    expect(await joined.json()).toMatchObject({ cohortId: created.id, name: "Evening class" });
    const cohort = (await (await owner.client.request(`/api/instructor/cohorts/${created.id}`)).json()) as { cohort: { members: { userId: string; email: string }[] } };
    expect(cohort.cohort.members).toEqual([expect.objectContaining({ userId: learner.id, email: learner.email })]);
    const withMatrix = (await (await owner.client.request(`/api/instructor/cohorts/${created.id}?sort=complete&dir=desc`)).json()) as { matrix: { rows: { email: string; cells: { status: string }[] }[]; total: number } };
    expect(withMatrix.matrix.total).toBe(1);
    expect(withMatrix.matrix.rows[0]).toMatchObject({ email: learner.email });
    expect(withMatrix.matrix.rows[0]!.cells.every((c) => c.status === "not-started")).toBe(true);
    const tooMany = await owner.client.request(`/api/instructor/cohorts/${created.id}?pageSize=500`);
    expect(tooMany.status).toBe(400);
    expect(((await tooMany.json()) as ErrorBody).error.fieldErrors).toHaveProperty("pageSize");

    expect((await owner.client.request(`/api/instructor/cohorts/${created.id}/members/${learner.id}`, { method: "DELETE" })).status).toBe(204);
    const rotated = (await (await owner.client.request(`/api/instructor/cohorts/${created.id}/join-code`, { method: "POST" })).json()) as { joinCode: string };
    const late = await newLearner("late");
    const stale = await late.client.request("/api/cohorts/join", { method: "POST", json: { code: created.joinCode } });
    expect(stale.status).toBe(404);
    expect(((await stale.json()) as ErrorBody).error.fieldErrors).toHaveProperty("code");
    expect((await late.client.request("/api/cohorts/join", { method: "POST", json: { code: rotated.joinCode } })).status).toBe(200);
  });

  it("gives the demo instructor a cohort holding the demo learners on first start", async () => {
    const instructor = new Client();
    await instructor.signIn("instructor@example.com", "demo-instructor-2026");
    const { cohorts } = (await (await instructor.request("/api/instructor/cohorts")).json()) as { cohorts: { id: string; name: string; memberCount: number }[] };
    const demo = cohorts.find((c) => c.name === "Kafka guide: demo class")!;
    expect(demo.memberCount).toBe(2);
    const { cohort, matrix } = (await (await instructor.request(`/api/instructor/cohorts/${demo.id}`)).json()) as {
      cohort: { members: { email: string; userId: string }[] };
      matrix: { rows: { email: string; userId: string; percentComplete: number; cells: { status: string }[] }[] };
    };
    expect(cohort.members.map((m) => m.email).sort()).toEqual(["learner2@example.com", "learner@example.com"]);
    // With some history: the first learner has finished lessons, the second has started.
    const first = matrix.rows.find((r) => r.email === "learner@example.com")!;
    expect(first.percentComplete).toBeGreaterThan(0);
    expect(first.cells.slice(0, 3).map((c) => c.status)).toEqual(["complete", "complete", "complete"]);
    expect(matrix.rows.find((r) => r.email === "learner2@example.com")!.cells[0]!.status).toBe("read");
    const detail = (await (await instructor.request(`/api/instructor/cohorts/${demo.id}/learners/${first.userId}`)).json()) as { attempts: unknown[]; sessions: unknown[] };
    expect(detail.attempts.length).toBeGreaterThanOrEqual(4);
    expect(detail.sessions).toHaveLength(1);
    const attemptsCsv = (await (await instructor.request(`/api/instructor/cohorts/${demo.id}/attempts.csv`)).text()).trim().split("\n");
    expect(attemptsCsv.length).toBeGreaterThan(10);
    const feedback = (await (await instructor.request(`/api/instructor/cohorts/${demo.id}/ratings`)).json()) as { needsAttention: unknown[] };
    expect(feedback.needsAttention).toHaveLength(1);
  });

  it("names the bad field (400), needs a signed-in learner to join (401), and refuses cross-site requests (403)", async () => {
    const owner = await newInstructor(boss);
    for (const [json, field] of [
      [{ name: "", guides: ["kafka"] }, "name"],
      [{ name: "X", guides: ["nope"] }, "guides"],
      [{ name: "X" }, "guides"],
    ] as const) {
      const res = await owner.client.request("/api/instructor/cohorts", { method: "POST", json });
      expect(res.status, JSON.stringify(json)).toBe(400);
      expect(Object.keys(((await res.json()) as ErrorBody).error.fieldErrors ?? {})).toContain(field);
    }
    expect((await owner.client.request("/api/instructor/cohorts/not-an-id")).status).toBe(400);
    expect((await new Client().request("/api/cohorts/join", { method: "POST", json: { code: "ABCDEFGHJK" } })).status).toBe(401);
    const foreign = await owner.client.request("/api/instructor/cohorts", { method: "POST", json: { name: "X", guides: ["kafka"] }, headers: { origin: "https://evil.example" } });
    expect(foreign.status).toBe(403);
  });
});
