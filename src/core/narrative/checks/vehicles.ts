/**
 * N.vehicles (rules.md 110): the vehicle counts against T08's 公务用车运行费 — running costs without
 * any car (warning), cars without running costs (info).
 */
import type { Finding } from '../../report';
import type { Ctx } from '../context';
import { cellOf } from '../inputs';
import { VEHICLE_KINDS } from '../sections/other/assets';
import { finding, paramRef } from './shared';

export function checkVehicles(ctx: Ctx): Finding[] {
  const counts = VEHICLE_KINDS.map((k) => ctx.count(k.key));
  const running = ctx.facts.t08?.running;
  if (!running || counts.some((n) => n === undefined)) return [];
  const cars = counts.reduce((a: number, n) => a + n!, 0);
  const cells = VEHICLE_KINDS.map((k) => cellOf(ctx.params, k.key));
  if (cars === 0 && running.scaled > 0) {
    return [finding({
      rule: 'N.vehicles', severity: 'warning', at: cells[0], related: [running.ref, ...cells.slice(1).map(paramRef)],
      expected: null, actual: 0,
      message: `国有资产中上年末车辆合计为 0 辆，但表8的公务用车运行费为 ${ctx.amt(running.scaled)} 万元：请核对车辆数`,
    })];
  }
  if (cars > 0 && running.scaled === 0) {
    return [finding({
      rule: 'N.vehicles', severity: 'info', at: cells[0], related: [running.ref, ...cells.slice(1).map(paramRef)],
      expected: null, actual: cars,
      message: `上年末共有车辆 ${cars} 辆，但表8的公务用车运行费为 0：请确认本年不安排车辆运行经费`,
    })];
  }
  return [];
}
