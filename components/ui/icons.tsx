// SVG icons from Lucide, drawn on the server: `lucide` (the framework-free package) provides each
// icon as plain shape data, rendered here as inline <svg>. No client JavaScript (lucide-react's
// icons are client components since 1.0), no emoji font needed. Icons are decoration next to
// text: aria-hidden, and they never shrink in a tight row.
import {
  Accessibility,
  ArrowLeft,
  ArrowRight,
  Backpack,
  BookOpen,
  BookOpenText,
  Briefcase,
  CircleCheck,
  Clock,
  Hand,
  HeartHandshake,
  House,
  type IconNode,
  Landmark,
  MessagesSquare,
  School,
  Stethoscope,
  Tag,
  TriangleAlert,
  Users,
  X,
} from 'lucide';
import { createElement } from 'react';

const icons = { Accessibility, ArrowLeft, ArrowRight, BookOpenText, CircleCheck, Clock, Hand, TriangleAlert, X } as const;
export type IconName = keyof typeof icons;

const TOPIC_ICONS: Record<string, IconNode> = {
  beratung: MessagesSquare,
  'sprache-bildung': BookOpen,
  arbeit: Briefcase,
  'schule-kita': School,
  jugend: Backpack,
  familie: Users,
  gesundheit: Stethoscope,
  wohnen: House,
  'religion-kultur': Landmark,
  ehrenamt: HeartHandshake,
};

function Svg({ node, className }: { node: IconNode; className: string }) {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      className={`inline-block shrink-0 ${className}`}
    >
      {node.map(([tag, attrs], index) => createElement(tag, { key: index, ...attrs }))}
    </svg>
  );
}

export function Icon({ name, className = 'size-5' }: { name: IconName; className?: string }) {
  return <Svg node={icons[name]} className={className} />;
}

// A topic added later by the coordinators gets a neutral tag until someone picks an icon.
export function TopicIcon({ slug, className = 'size-6' }: { slug: string; className?: string }) {
  return <Svg node={TOPIC_ICONS[slug] ?? Tag} className={className} />;
}
