import { NotFoundHelp } from '@/components/dashboard/not-found-help';

export default NotFoundHelp;
