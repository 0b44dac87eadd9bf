import { panelLayout } from '@/components/layout/panel-layout';

export default panelLayout('enterprise');
