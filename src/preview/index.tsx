/** Browser preview entry: no Office, the fake Excel host over an .xlsx. */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { PreviewApp } from './PreviewApp';

createRoot(document.getElementById('root')!).render(<PreviewApp />);
