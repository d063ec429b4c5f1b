import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { listOf } from '../http/pagination.ts';
import { actorOf, requestMeta } from '../http/route-guard.ts';
import { P } from './calendar.permissions.ts';
import {
  calendarDays,
  calendarYear,
  calendarYearBody,
  calendarYearSummary,
  daysQuery,
  deadline,
  deadlineQuery,
  yearParam,
  yearsQuery,
} from './calendar.schema.ts';
import type { CalendarService } from './calendar.service.ts';

const tags = ['工作日历'];

export function calendarRoutes(calendar: CalendarService) {
  return async function (app: FastifyInstance) {
    // Every answer reflects years saved by other server processes within the last minute.
    app.addHook('preHandler', async () => {
      await calendar.fresh();
    });
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get('/api/v1/calendar/years', {
      config: { permission: P['calendar:read'] },
      schema: { tags, summary: '已维护的年度（内置与管理员录入）', querystring: yearsQuery, response: { 200: listOf(calendarYearSummary) } },
      handler: async (req) => calendar.years(req.query),
    });

    r.get('/api/v1/calendar/years/:year', {
      config: { permission: P['calendar:read'] },
      schema: { tags, summary: '某年的放假与调休上班日', params: yearParam, response: { 200: calendarYear } },
      handler: async (req) => calendar.year(req.params.year),
    });

    r.put('/api/v1/calendar/years/:year', {
      config: { permission: P['calendar:edit'] },
      schema: { tags, summary: '录入或更正某年放假安排（保留历史版本）', params: yearParam, body: calendarYearBody, response: { 200: calendarYear } },
      handler: async (req) => calendar.saveYear({ actor: actorOf(req), meta: requestMeta(req) }, { year: req.params.year, ...req.body }),
    });

    r.get('/api/v1/calendar/deadline', {
      config: { permission: P['calendar:read'] },
      schema: { tags, summary: '计算法定期间届满日（DAY-01…DAY-04）', querystring: deadlineQuery, response: { 200: deadline } },
      handler: async (req) => {
        const { statute, start, days, kind } = req.query;
        return calendar.current().deadline(statute, start, days, kind ? { kind } : undefined);
      },
    });

    r.get('/api/v1/calendar/days', {
      config: { permission: P['calendar:read'] },
      schema: { tags, summary: '逐日工作日状态（月历，最多 366 天）', querystring: daysQuery, response: { 200: calendarDays } },
      handler: async (req) => calendar.days(req.query.from, req.query.to),
    });
  };
}
