// GET|POST /api/auth/* – next-auth (sign-in, sign-out, CSRF token, session)
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/config";
import { clientIp } from "@/lib/http/client-ip";
import { assertSameOrigin, errorResponse } from "@/lib/http/route";
import { hitRateLimit, SIGN_IN_LIMITS } from "@/lib/rate-limit";

type Context = { params: Promise<{ nextauth: string[] }> };

const handler = NextAuth(authOptions) as (req: Request, ctx: Context) => Promise<Response>;

export async function GET(req: Request, ctx: Context): Promise<Response> {
  return handler(req, ctx);
}

// Every POST is refused from another site (next-auth's own CSRF token is a second line). POST
// /api/auth/callback/credentials is rate limited per account and per IP before next-auth checks
// the password; every other POST goes straight to next-auth.
export async function POST(req: Request, ctx: Context): Promise<Response> {
  try {
    assertSameOrigin(req);
  } catch (error) {
    return errorResponse(error);
  }
  if (new URL(req.url).pathname.endsWith("/callback/credentials")) {
    try {
      const form = await req.clone().formData();
      const email = String(form.get("email") ?? "").trim().toLowerCase().slice(0, 254);
      const [perIp, perAccount] = await Promise.all([
        hitRateLimit(`signin:ip:${clientIp(req.headers)}`, SIGN_IN_LIMITS.perIp),
        hitRateLimit(`signin:account:${email}`, SIGN_IN_LIMITS.perAccount),
      ]);
      if (!perIp.allowed || !perAccount.allowed) {
        const retryAfter = Math.max(perIp.allowed ? 0 : perIp.retryAfter, perAccount.allowed ? 0 : perAccount.retryAfter);
        return Response.json(
          {
            error: { code: "RATE_LIMITED", message: `Too many sign-in attempts. Try again in ${Math.ceil(retryAfter / 60)} minute(s).` },
            // next-auth's client reads the outcome from `url`.
            url: new URL(`/sign-in?error=RateLimited`, req.url).toString(),
          },
          { status: 429, headers: { "Retry-After": String(retryAfter), "Cache-Control": "no-store" } },
        );
      }
    } catch (error) {
      return errorResponse(error);
    }
  }
  return handler(req, ctx);
}
