/** The sidebar's panels, in tab order. One file per panel; add yours here. */
import type { Panel } from '../app';
import { templatesPanel } from './templates';
import { checkPanel } from './check';
import { checkinPanel } from './checkin';
import { importPanel } from './importText';
import { reviewPanel } from './review';
import { gradingPanel } from './grading';
import { helpPanel } from './help';
import { rosterPanel } from './roster';
import { diagnosticsPanel } from './diagnostics';
import { distributionPanel } from './distribution';
import { myOkrsPanel } from './myOkrs';
import { rhythmPanel } from './rhythm';

export const PANELS: Panel[] = [templatesPanel, rosterPanel, distributionPanel, checkPanel, checkinPanel, myOkrsPanel, rhythmPanel, importPanel, reviewPanel, gradingPanel, helpPanel, diagnosticsPanel];
