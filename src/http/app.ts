// The Fastify application: the API under /api/v1 (and /api as its alias) and the web app. Routes
// stay thin: validate, authorize (src/access: gate / scopeList, the one place that decides and
// audits), call the domain or a repository, present.
import cookie from "@fastify/cookie";
import rateLimit from "@fastify/rate-limit";
import Fastify, { type FastifyInstance, type FastifyLoggerOptions } from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import type { Database } from "../db/connect.ts";
import { demoAsOf as demoAsOfSetting } from "../db/repositories/settings.ts";
import type { MailDelivery } from "../services/notifications.ts";
import { API_VERSION, registerApiVersionHeader, rewriteVersionedUrl } from "./api-version.ts";
import { registerActorResolution } from "./auth/actor.ts";
import { registerCsrfGuard } from "./auth/csrf.ts";
import { createOidcProvider, type OidcProvider, oidcSettingsFromEnv } from "./auth/oidc.ts";
import { answerClientError } from "./client-error.ts";
import {
  DEFAULT_SETTINGS,
  type HttpContext,
  type HttpSettings,
  todayInNetherlands,
} from "./context.ts";
import { registerInputHygiene } from "./input-hygiene.ts";
import { registerOpenApi, registerOpenApiRoute } from "./openapi.ts";
import { answerFrameworkError, HttpProblem, registerProblemHandlers } from "./problem.ts";
import { RequestLogController, type RequestLogLevel } from "./request-log.ts";
import { registerAdminRoutes } from "./routes/admin.ts";
import { registerAuditRoutes } from "./routes/audit.ts";
import { registerCaseRoutes } from "./routes/cases.ts";
import { registerCaseBudgetRoutes } from "./routes/cases-budget.ts";
import { registerCaseTransitionRoutes } from "./routes/cases-transitions.ts";
import { registerCaseVerwijsindexRoutes } from "./routes/cases-verwijsindex.ts";
import { registerCaseWorkRoutes } from "./routes/cases-work.ts";
import { registerDuoReportRoutes } from "./routes/duo-reports.ts";
import { registerHandoverRoutes } from "./routes/handovers.ts";
import { registerHealthRoute } from "./routes/health.ts";
import { registerLeaveRequestRoutes } from "./routes/leave-requests.ts";
import { registerLetterRoutes } from "./routes/letters.ts";
import { registerMasProcedureRoutes } from "./routes/mas-procedures.ts";
import { registerMonitorRoutes } from "./routes/monitor.ts";
import { registerNotificationRoutes } from "./routes/notifications.ts";
import { registerOidcRoutes } from "./routes/oidc.ts";
import { registerPasswordSetRoute } from "./routes/password-set.ts";
import { registerPrivacyRoutes } from "./routes/privacy.ts";
import { registerPupilAttendanceRoutes } from "./routes/pupil-attendance.ts";
import { registerPupilMasRoutes } from "./routes/pupil-mas.ts";
import { registerPupilSearchRoute } from "./routes/pupil-search.ts";
import { registerPupilSickObservationRoutes } from "./routes/pupil-sick-observations.ts";
import { registerPupilRoutes } from "./routes/pupils.ts";
import { registerSessionRoutes } from "./routes/session.ts";
import { registerSetupRoutes } from "./routes/setup.ts";
import { registerSignalRoutes } from "./routes/signals.ts";
import { registerSignalHandleRoutes } from "./routes/signals-handle.ts";
import { registerYouthDoctorRoutes } from "./routes/youth-doctor.ts";
import { registerSecurityHeaders } from "./security-headers.ts";
import { fastifyTrustProxy, parseTrustProxy, type TrustProxy } from "./trust-proxy.ts";
import { registerWebApp } from "./web-app.ts";

export interface AppOptions {
  db: Database;
  logger?: boolean | FastifyLoggerOptions;
  /** The level of the routine request lines (incoming, completed, 4xx); Fastify's is info. */
  requestLogLevel?: RequestLogLevel;
  /** The clock for sessions and "today"; tests pin it. */
  now?: () => Date;
  settings?: Partial<HttpSettings>;
  /** OIDC login: default from the AANWEZIG_OIDC_* environment; null switches it off. */
  oidc?: OidcProvider | null;
  /** The reverse proxies whose X-Forwarded-* to honour; default AANWEZIG_TRUST_PROXY. */
  trustProxy?: TrustProxy;
  /** Where a command's notification mail is queued at once (serve: the jobs' mail queue). */
  mail?: MailDelivery | null;
}

/**
 * The largest JSON body a route takes unless it says otherwise (a document upload does; a CSV
 * import streams with its own limit): a case command with every text field full stays under it.
 * A larger body is a 413 problem+json that states the limit (problem.ts).
 */
export const JSON_BODY_LIMIT = 1024 * 1024;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: JSON_BODY_LIMIT,
    trustProxy: fastifyTrustProxy(
      options.trustProxy ?? parseTrustProxy(process.env.AANWEZIG_TRUST_PROXY),
    ),
    logController: new RequestLogController(options.requestLogLevel ?? "info"),
    clientErrorHandler: answerClientError,
    frameworkErrors: answerFrameworkError,
    // /api/v1/x is /api/x: the versioned paths and their /api aliases are the same routes.
    rewriteUrl: rewriteVersionedUrl,
  });
  const oidcSettings = options.oidc === undefined ? oidcSettingsFromEnv() : null;
  const now = options.now ?? (() => new Date());
  // A demo database is a moment frozen in its school year; everything else follows the clock.
  const demoAsOf = await demoAsOfSetting(options.db.orm);
  const ctx: HttpContext = {
    db: options.db,
    now,
    today: () => demoAsOf ?? todayInNetherlands(now()),
    demoAsOf,
    settings: { ...DEFAULT_SETTINGS, ...options.settings },
    oidc:
      options.oidc === undefined ? oidcSettings && createOidcProvider(oidcSettings) : options.oidc,
    mail: options.mail ?? null,
  };

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // First, so that every answer carries them: pages, files, API, errors and the 404s.
  registerApiVersionHeader(app);
  await registerSecurityHeaders(app);
  registerProblemHandlers(app);
  // Before any route: a NUL or invisible character never reaches a handler or the database.
  registerInputHygiene(app);
  await registerOpenApi(app, API_VERSION);
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new HttpProblem(429, `Too many attempts; try again in ${context.after}.`, {
        headers: { "retry-after": String(Math.ceil(context.ttl / 1000)) },
      }),
  });
  registerActorResolution(app, ctx);
  registerCsrfGuard(app, ctx);

  registerHealthRoute(app, ctx);
  registerSessionRoutes(app, ctx);
  registerOidcRoutes(app, ctx);
  registerPasswordSetRoute(app, ctx);
  registerPupilRoutes(app, ctx);
  registerPupilSearchRoute(app, ctx);
  registerPupilAttendanceRoutes(app, ctx);
  registerPupilMasRoutes(app, ctx);
  registerPupilSickObservationRoutes(app, ctx);
  registerHandoverRoutes(app, ctx);
  registerMasProcedureRoutes(app, ctx);
  registerAuditRoutes(app, ctx);
  registerPrivacyRoutes(app, ctx);
  registerAdminRoutes(app, ctx);
  registerCaseRoutes(app, ctx);
  registerCaseTransitionRoutes(app, ctx);
  registerCaseWorkRoutes(app, ctx);
  registerCaseBudgetRoutes(app, ctx);
  registerCaseVerwijsindexRoutes(app, ctx);
  registerLetterRoutes(app, ctx);
  registerNotificationRoutes(app, ctx);
  registerSignalRoutes(app, ctx);
  registerSignalHandleRoutes(app, ctx);
  registerLeaveRequestRoutes(app, ctx);
  registerYouthDoctorRoutes(app, ctx);
  registerDuoReportRoutes(app, ctx);
  registerMonitorRoutes(app, ctx);
  registerSetupRoutes(app, ctx);
  registerOpenApiRoute(app);

  await registerWebApp(app);
  return app;
}
