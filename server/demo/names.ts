import { composeUscc, USCC_CHARSET } from '../../domain/uscc.js';
import type { Random } from './random.js';

const brandChars = '瑞丰宏金鑫达华信恒嘉盛立泰隆远兴凯博鸿佳顺祥德源润雅康达美宇航正新旺通'.split('');
const surnames = '陈王林张黄李周吴郑徐潘叶金胡赵朱谢杨蔡郭'.split('');
const givenChars = '建国志强海燕晓明丽华伟杰秀英文斌小红俊峰静敏云飞'.split('');

/** Industry groups of the demo: which GB/T 4754 classes, the word in the name, where they cluster. */
export const demoIndustries = [
  {
    codes: ['1952', '1951', '1953', '1954', '1959'],
    word: '鞋业',
    weight: 46,
    clusters: ['shuangyu', 'yangyi', 'fengmen'],
  },
  { codes: ['1922', '1929', '1921', '1910'], word: '皮革制品', weight: 10, clusters: ['shuangyu', 'yangyi'] },
  { codes: ['1819', '1829', '1830'], word: '服饰', weight: 9, clusters: ['puxieshi', 'nanjiao'] },
  { codes: ['3587'], word: '眼镜', weight: 5, clusters: ['nanjiao', 'qidu'] },
  { codes: ['2319', '2311', '2312'], word: '印刷', weight: 4, clusters: ['songtai', 'guanghua'] },
  { codes: ['2927', '2929', '2922', '2925'], word: '塑料制品', weight: 6, clusters: ['tengqiao', 'yangyi'] },
  { codes: ['3399', '3311', '3360'], word: '五金', weight: 5, clusters: ['fengmen', 'tengqiao'] },
  { codes: ['3823', '3831', '3899'], word: '电气', weight: 4, clusters: ['qidu', 'shuangyu'] },
  { codes: ['3443', '3441', '3484'], word: '机械', weight: 3, clusters: ['tengqiao'] },
  { codes: ['2110', '2130', '2190'], word: '家具', weight: 2, clusters: ['shanfu', 'tengqiao'] },
  { codes: ['1411', '1431', '1469'], word: '食品', weight: 2, clusters: ['binjiang', 'wuma'] },
  { codes: ['5133', '5132', '5211', '5233'], word: '商贸', weight: 3, clusters: ['wuma', 'nanhui', 'danan'] },
  { codes: ['5920', '5930'], word: '仓储', weight: 1, clusters: ['qidu', 'shuangyu'] },
] as const;

/** A unique company name; brands grow a character when the short ones run out (large benchmark sizes). */
export function companyName(r: Random, word: string, taken: Set<string>): string {
  for (let attempt = 0; ; attempt++) {
    const length = attempt < 10 ? 2 : attempt < 30 ? 3 : 4;
    let brand = '';
    for (let i = 0; i < length; i++) brand += r.pick(brandChars);
    const form = r.weighted([
      ['有限公司', 8],
      ['股份有限公司', 1],
      ['厂', 2],
    ] as const);
    const name = form === '厂' ? `温州市鹿城区${brand}${word}${form}` : `温州${brand}${word}${form}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

export function personName(r: Random): string {
  return r.pick(surnames) + r.pick(givenChars) + (r.next() < 0.6 ? r.pick(givenChars) : '');
}

export function mobile(r: Random): string {
  return `13${r.int(0, 9)}${String(r.int(0, 99_999_999)).padStart(8, '0')}`;
}

/** Deterministic, unique, valid USCC for the n-th demo enterprise. */
export function demoUscc(n: number): string {
  let body = '';
  let v = n + 31 ** 5; // never all zeros
  for (let i = 0; i < 8; i++) {
    body = USCC_CHARSET[v % 31] + body;
    v = Math.floor(v / 31);
  }
  return composeUscc({ authority: '9', category: '1', division: '330302', orgBody: body });
}
