/**
 * Function 类 codes by the names T01/T04 print for them (tables.md T01/T04, catalog func.json).
 * Names are compared without a trailing 支出. Ordinals are only a fallback: the templates skip
 * 十八, 二十五, 二十六, 二十八 (类 218, 225, 226, 228), so ordinal N ↔ 类 200+N.
 */
export const LEI_NAMES: Record<string, string[]> = {
  '201': ['一般公共服务'],
  '202': ['外交'],
  '203': ['国防'],
  '204': ['公共安全'],
  '205': ['教育'],
  '206': ['科学技术'],
  '207': ['文化旅游体育与传媒', '文化体育旅游与传媒', '文化体育与传媒'],
  '208': ['社会保障和就业'],
  '209': ['社会保险基金'],
  '210': ['卫生健康'],
  '211': ['节能环保'],
  '212': ['城乡社区事务', '城乡社区'],
  '213': ['农林水事务', '农林水'],
  '214': ['交通运输'],
  '215': ['资源勘探信息等', '资源勘探工业信息等', '资源勘探电力信息等'],
  '216': ['商业服务业等'],
  '217': ['金融'],
  '219': ['援助其他地区'],
  '220': ['自然资源海洋气象等', '国土海洋气象等'],
  '221': ['住房保障'],
  '222': ['粮油物资储备'],
  '223': ['国有资本经营预算'],
  '224': ['灾害防治及应急管理'],
  '227': ['预备费'],
  '229': ['其他'],
  '230': ['转移性'],
  '231': ['债务还本'],
  '232': ['债务付息'],
  '233': ['债务发行费用'],
  '234': ['抗疫特别国债安排的'],
};

/**
 * The pre-2018 name of 类 210. The T04 template keeps it as slot (九) next to (十) 卫生健康支出, so a
 * table that has both gets the line key '类:210-old' for it (and no `lei`): rules can warn when that
 * line carries an amount instead of adding it to 210 twice.
 */
export const OLD_210 = '医疗卫生与计划生育';

const BY_NAME = new Map<string, string>();
for (const [code, names] of Object.entries(LEI_NAMES)) for (const n of names) BY_NAME.set(n, code);

/** 类 code of a squashed label without its ordinal ("社会保障和就业支出" → "208"). */
export function leiByName(label: string): string | undefined {
  const t = label.replace(/[:：]$/, '');
  return BY_NAME.get(t) ?? BY_NAME.get(t.replace(/支出$/, ''));
}
