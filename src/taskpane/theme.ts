/** Fluent's light theme with a font stack that has Chinese glyphs on every platform (no web fonts). */
import type { Theme } from '@fluentui/react-components';
import { webLightTheme } from '@fluentui/react-components';

const CJK_FONTS = '"Segoe UI", "Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", sans-serif';

export const paneTheme: Theme = { ...webLightTheme, fontFamilyBase: CJK_FONTS };

export const SEVERITY_COLORS = {
  error: { fg: '#A4262C', bg: '#FFC7CE' },
  warning: { fg: '#8A5300', bg: '#FFEB9C' },
  info: { fg: '#505050', bg: '#EDEDED' },
} as const;
