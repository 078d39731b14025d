/** T08 一般公共预算“三公”经费支出情况表 — one data row of six amounts. */
import { COL } from '../model';
import { amount, type TableSpec } from './spec';

const K = COL.t08;

export const T08: TableSpec = {
  id: 'T08',
  titles: [
    '一般公共预算三公经费支出情况表',
    '一般公共预算三公经费支出预算表',
    '一般公共预算三公经费预算表',
    '一般公共预算三公经费支出表',
    '三公经费支出情况表',
    '三公经费预算表',
  ],
  signature: ['三公经费合计', '因公出国(境)费', '公务用车购置及运行费', '公务接待费', '公务用车购置费'],
  confirm: 2,
  columns: [
    amount(K.total, ['三公经费合计', '三公经费支出合计']),
    amount(K.total, ['合计'], { top: true }),
    amount(K.abroad, ['因公出国(境)费', '因公出国(境)经费', '因公出国费']),
    amount(K.vehicle, ['小计', '合计'], { under: ['公务用车'] }),
    amount(K.vehicle, ['公务用车购置及运行费', '公务用车购置及运行维护费'], { top: true }),
    amount(K.vehiclePurchase, ['公务用车购置费']),
    amount(K.vehicleRunning, ['公务用车运行费', '公务用车运行维护费']),
    amount(K.reception, ['公务接待费']),
  ],
  groups: ['公务用车购置及运行费', '公务用车购置及运行维护费'],
};
