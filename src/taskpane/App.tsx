/** The task pane: 校验 and 情况说明 tabs over a PaneHost (Excel or the browser preview). */
import * as React from 'react';
import { FluentProvider, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Tab, TabList, Text, tokens } from '@fluentui/react-components';
import { CheckTab, useCheckState } from './CheckTab';
import { workerLink } from '../worker/client';
import type { PaneHost } from './host';

/** The 情况说明 tab (with its dialog) is a separate chunk: most sessions only check. */
const NarrativeTab = React.lazy(() => import(/* webpackChunkName: "narrative-tab" */ './NarrativeTab').then((m) => ({ default: m.NarrativeTab })));
import { paneTheme } from './theme';

/** ExcelApi 1.9 (Excel 2019 does not have it) and a current webview; see src/loader/loader.js for the webview check. */
export const SUPPORTED_EXCEL =
  '本加载项需要 ExcelApi 1.9：Excel 2021 或更新版本、Microsoft 365 版 Excel（Windows 版本 1903 及以上，建议保持更新）、Mac 版 Excel 16.24 及以上，或 Excel 网页版。Excel 2019 及更早版本不受支持。';

export type PaneStatus = 'ready' | 'connecting' | 'no-office' | 'unsupported';

export interface AppProps {
  host: PaneHost | null;
  status: PaneStatus;
  /** Extra detail for 'unsupported' (which host or API version was found). */
  detail?: string;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', height: '100%', minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  header: {
    paddingTop: '12px',
    paddingLeft: '16px',
    paddingRight: '16px',
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  title: { display: 'block', marginBottom: '4px' },
  body: { flexGrow: 1, overflowY: 'auto', paddingTop: '12px', paddingBottom: '24px', paddingLeft: '16px', paddingRight: '16px' },
  center: { display: 'flex', flexDirection: 'column', gap: '12px', paddingTop: '24px' },
});

export function App({ host, status, detail }: AppProps): React.ReactElement {
  const s = useStyles();
  const [tab, setTab] = React.useState<'check' | 'narrative'>('check');
  const check = useCheckState(host);
  // Start the core worker while the user reads the pane, so the first 校验 does not wait for it.
  React.useEffect(() => {
    if (host) void workerLink().catch(() => undefined);
  }, [host]);
  return (
    <FluentProvider theme={paneTheme} className={s.root} lang="zh-CN">
      <header className={s.header}>
        <Text as="h1" size={400} weight="semibold" className={s.title}>
          预算公开表校验
        </Text>
        <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as 'check' | 'narrative')} size="medium">
          <Tab value="check">校验</Tab>
          <Tab value="narrative">情况说明</Tab>
        </TabList>
      </header>
      <main className={s.body}>
        {status !== 'ready' || !host ? (
          <HostStatus status={status} detail={detail} />
        ) : tab === 'check' ? (
          <CheckTab host={host} state={check} />
        ) : (
          <React.Suspense fallback={<Spinner size="tiny" label="正在加载…" />}>
            <NarrativeTab host={host} />
          </React.Suspense>
        )}
      </main>
    </FluentProvider>
  );
}

function HostStatus({ status, detail }: { status: PaneStatus; detail?: string }): React.ReactElement {
  const s = useStyles();
  if (status === 'connecting') {
    return (
      <div className={s.center}>
        <Spinner size="small" label={detail ?? '正在连接 Excel…'} />
      </div>
    );
  }
  if (status === 'unsupported') {
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>此版本的 Excel 不受支持</MessageBarTitle>
          {SUPPORTED_EXCEL}{detail ? `（${detail}）` : ''}
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>未连接到 Excel</MessageBarTitle>
        此页面需要在 Excel 中作为加载项打开（开始 → 加载项 → 预算公开表校验）。 没有 Excel 时，可在项目目录运行 <code>npm start</code>，在浏览器预览中打开 .xlsx 文件试用。
        {detail ? ` ${detail}` : ''}
      </MessageBarBody>
    </MessageBar>
  );
}
