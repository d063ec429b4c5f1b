import crypto from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyRequest, type RouteOptions } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Logger } from 'pino';
import { errorHandler } from './error-handler.ts';
import { httpErrors } from './errors.ts';

// Validation messages in Chinese for the people who read them (DESIGN §4).
z.config(z.locales.zhCN());

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Body limit: 1 MiB for JSON; file uploads get their own limit on their own routes. */
export const BODY_LIMIT = 1024 * 1024;

export async function createHttpApp(logger: Logger, opts: { trustProxy: boolean | string[] }): Promise<FastifyInstance> {
  const app: FastifyInstance = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    bodyLimit: BODY_LIMIT,
    trustProxy: opts.trustProxy,
    // Take the caller's X-Request-Id when it is a sane token, so a trace spans systems.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : crypto.randomUUID();
    },
    // A request Node's HTTP parser cannot read (raw bytes in the URL, broken headers) still gets
    // the one error shape, not Fastify's default text.
    clientErrorHandler: (err, socket) => {
      if (!socket.writable) return;
      const e = httpErrors.REQUEST_MALFORMED();
      const body = JSON.stringify({ code: e.code, message: e.message, requestId: crypto.randomUUID() });
      socket.end(`HTTP/1.1 400 Bad Request\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
      logger.info({ err: err.message }, 'unreadable request');
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.addHook('onRoute', refuseUndeclaredBody);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
  });
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: '天平 tianping API', version: '1', description: '司法行政数据资源中心与业务平台接口' },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  return app;
}

/**
 * A route that declares no body (and no upload type in `consumes`) takes none: like the strict
 * schemas of every other route, it refuses fields it does not know instead of ignoring them
 * (DESIGN §4). An empty JSON object is allowed, as some clients send `{}` with every POST.
 */
function refuseUndeclaredBody(route: RouteOptions): void {
  const methods = [route.method].flat();
  if (!methods.some((m) => m === 'POST' || m === 'PUT' || m === 'PATCH' || m === 'DELETE')) return;
  if (route.schema?.body || route.schema?.consumes) return;
  const refuse = async (req: FastifyRequest) => {
    const b: unknown = req.body;
    if (b === undefined || b === null) return;
    if (typeof b === 'object' && !Buffer.isBuffer(b) && !Array.isArray(b) && Object.keys(b).length === 0) return;
    throw httpErrors.VALIDATION_FAILED('该接口不接受请求体', [{ field: 'body', message: '该接口不接受请求体' }]);
  };
  const prior = route.preValidation === undefined ? [] : [route.preValidation].flat();
  route.preValidation = [...prior, refuse] as RouteOptions['preValidation'];
}
