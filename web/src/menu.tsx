/**
 * The pages of the app, one entry each: this list makes both the side menu and the routes.
 *
 * A module adds its page with one entry here:
 *
 *   {
 *     key: 'enterprises',                      // unique; also the menu item's key
 *     path: '/enterprises',                    // route path (children like /enterprises/:id go in `hidden` entries)
 *     label: 'menu.enterprises',               // a key in i18n/zh-CN.ts (and en.ts)
 *     icon: <ShopOutlined />,
 *     group: 'registry',                       // optional: a submenu declared in `menuGroups`
 *     requires: { ability: 'viewEnterprises' } // optional: an ability from /api/me and/or `anyRole: [...]`
 *     page: lazy(() => import('./pages/registry/EnterprisesPage')), // default export, loaded on first visit
 *   }
 *
 * Show only what the server allows: prefer an ability the server computes (`/api/me` → `abilities`) over a
 * role list, so the rule lives in one place (the server's policy). A route whose requirement fails shows 403.
 */
import {
  AuditOutlined,
  BankOutlined,
  BookOutlined,
  CheckSquareOutlined,
  ClusterOutlined,
  FileDoneOutlined,
  FileProtectOutlined,
  HomeOutlined,
  SettingOutlined,
  ShopOutlined,
  TeamOutlined,
  ToolOutlined,
  UnorderedListOutlined,
  UploadOutlined,
  WarningOutlined,
  FieldTimeOutlined,
  IdcardOutlined,
  SafetyCertificateOutlined,
  CalendarOutlined,
  PartitionOutlined,
  NotificationOutlined,
  StopOutlined,
  SafetyOutlined,
  SolutionOutlined,
  CommentOutlined,
  AlertOutlined,
  SendOutlined,
  FormOutlined,
  MailOutlined,
  ScheduleOutlined,
  EyeOutlined,
} from '@ant-design/icons';
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import type { MenuItemLike, Requirement } from './access';
import type { MessageKey } from './i18n';

export interface MenuGroup {
  label: MessageKey;
  icon: ReactNode;
}

/** Submenus. Entries name one with `group`; an empty group is not shown. */
export const menuGroups = {
  registry: { label: 'menu.group.registry', icon: <ShopOutlined /> },
  system: { label: 'menu.group.system', icon: <ToolOutlined /> },
  // 白名单: applications and opinions here; public notices, the list itself and exits join the same group
  whitelist: { label: 'whitelist.menu.group', icon: <SafetyOutlined /> },
  // 执法检查 and 合规建议 (web/src/pages/enforcement)
  enforcement: { label: 'enforcement.menu.group', icon: <AlertOutlined /> },
} satisfies Record<string, MenuGroup>;

export type MenuGroupKey = keyof typeof menuGroups;

export interface MenuEntry extends MenuItemLike {
  label: MessageKey;
  icon?: ReactNode;
  group?: MenuGroupKey;
  requires?: Requirement;
  page: LazyExoticComponent<ComponentType>;
}

export const menuEntries: MenuEntry[] = [
  {
    key: 'home',
    path: '/',
    label: 'menu.home',
    icon: <HomeOutlined />,
    page: lazy(() => import('./pages/HomePage')),
  },
  {
    key: 'enterprises',
    path: '/enterprises',
    label: 'menu.enterprises',
    icon: <UnorderedListOutlined />,
    group: 'registry',
    requires: { ability: 'viewRegister' },
    page: lazy(() => import('./pages/registry/EnterprisesPage')),
  },
  {
    key: 'enterprise-import',
    path: '/enterprises/import',
    label: 'menu.enterpriseImport',
    icon: <UploadOutlined />,
    group: 'registry',
    requires: { ability: 'importEnterprises' },
    page: lazy(() => import('./pages/registry/ImportPage')),
  },
  {
    key: 'enterprise',
    path: '/enterprises/:id',
    label: 'menu.enterprises',
    hidden: true,
    page: lazy(() => import('./pages/registry/EnterpriseDetailPage')),
  },
  {
    key: 'parks',
    path: '/parks',
    label: 'menu.parks',
    icon: <ClusterOutlined />,
    group: 'registry',
    requires: { ability: 'viewRegister' },
    page: lazy(() => import('./pages/registry/ParksPage')),
  },
  {
    key: 'my-enterprise',
    path: '/my-enterprise',
    label: 'menu.myEnterprise',
    icon: <ShopOutlined />,
    requires: { anyRole: ['enterprise_user'] },
    page: lazy(() => import('./pages/registry/MyEnterprisePage')),
  },
  {
    key: 'commitment',
    path: '/commitment',
    label: 'commitment.menu',
    icon: <FileDoneOutlined />,
    requires: { anyRole: ['enterprise_user'] },
    page: lazy(() => import('./pages/readiness/CommitmentPage')),
  },
  {
    key: 'inspections',
    path: '/inspections',
    label: 'inspections.menu',
    icon: <CheckSquareOutlined />,
    requires: { ability: 'viewInspections' },
    page: lazy(() => import('./pages/inspections/InspectionsPage')),
  },
  {
    key: 'inspection',
    path: '/inspections/:id',
    label: 'inspections.menu',
    hidden: true,
    requires: { ability: 'viewInspections' },
    page: lazy(() => import('./pages/inspections/InspectionPage')),
  },
  {
    key: 'documents',
    path: '/documents',
    label: 'menu.documents',
    icon: <FileProtectOutlined />,
    requires: { ability: 'viewDocuments' },
    page: lazy(() => import('./pages/documents/DocumentsPage')),
  },
  {
    key: 'standards',
    path: '/standards',
    label: 'menu.standards',
    icon: <BookOutlined />,
    requires: { ability: 'viewStandards' },
    page: lazy(() => import('./pages/standards/StandardsPage')),
  },
  {
    key: 'standard-version',
    path: '/standards/versions/:id',
    label: 'menu.standards',
    hidden: true,
    requires: { ability: 'viewStandards' },
    page: lazy(() => import('./pages/standards/VersionPage')),
  },
  {
    key: 'agencies',
    path: '/agencies',
    label: 'agencies.menu.register',
    icon: <BankOutlined />,
    requires: { ability: 'viewAgencies' },
    page: lazy(() => import('./pages/agencies/AgenciesPage')),
  },
  {
    key: 'my-agencies',
    path: '/my-agencies',
    label: 'agencies.menu.mine',
    icon: <BankOutlined />,
    requires: { ability: 'engageAgencies' },
    page: lazy(() => import('./pages/agencies/MyAgenciesPage')),
  },
  {
    key: 'agency-workspace',
    path: '/agency-workspace',
    label: 'agencies.menu.workspace',
    icon: <BankOutlined />,
    requires: { ability: 'agencyWorkspace' },
    page: lazy(() => import('./pages/agencies/AgencyWorkspacePage')),
  },
  // industry associations (行业协会) and their self-discipline standards (自律共治标准)
  {
    key: 'associations',
    path: '/associations',
    label: 'associations.menu',
    icon: <PartitionOutlined />,
    requires: { ability: 'viewAssociations' },
    page: lazy(() => import('./pages/associations/AssociationsPage')),
  },
  {
    key: 'self-discipline-standard',
    path: '/self-discipline-standards/:id',
    label: 'associations.menu',
    hidden: true,
    requires: { ability: 'viewAssociations' },
    page: lazy(() => import('./pages/associations/SelfDisciplinePage')),
  },
  // third-party confirmation (第三方确认) and the engineers who sign it
  {
    key: 'agency',
    path: '/agencies/:id',
    label: 'agencies.menu.register',
    hidden: true,
    requires: { ability: 'viewAgencies' },
    page: lazy(() => import('./pages/agencies/AgencyDetailPage')),
  },
  {
    key: 'confirmations',
    path: '/confirmations',
    label: 'confirmations.menu',
    icon: <SafetyCertificateOutlined />,
    requires: { ability: 'viewConfirmations' },
    page: lazy(() => import('./pages/confirmations/ConfirmationsPage')),
  },
  {
    key: 'confirmation',
    path: '/confirmations/:id',
    label: 'confirmations.menu',
    hidden: true,
    requires: { ability: 'viewConfirmations' },
    page: lazy(() => import('./pages/confirmations/ConfirmationPage')),
  },
  {
    key: 'agency-engineers',
    path: '/agency-engineers',
    label: 'engineers.menu.mine',
    icon: <IdcardOutlined />,
    requires: { ability: 'agencyWorkspace' },
    page: lazy(() => import('./pages/agencies/AgencyEngineersPage')),
  },
  {
    key: 'engineers',
    path: '/engineers',
    label: 'engineers.menu.queue',
    icon: <IdcardOutlined />,
    requires: { ability: 'manageAgencies' },
    page: lazy(() => import('./pages/agencies/EngineerApprovalsPage')),
  },
  {
    key: 'hazards',
    path: '/hazards',
    label: 'hazards.menu',
    icon: <WarningOutlined />,
    requires: { ability: 'viewHazards' },
    page: lazy(() => import('./pages/hazards/HazardsPage')),
  },
  {
    key: 'hazard',
    path: '/hazards/:id',
    label: 'hazards.menu',
    hidden: true,
    requires: { ability: 'viewHazards' },
    page: lazy(() => import('./pages/hazards/HazardDetailPage')),
  },
  {
    key: 'extension-requests',
    path: '/extension-requests',
    label: 'extensions.menu',
    icon: <FieldTimeOutlined />,
    requires: { ability: 'viewHazards' },
    page: lazy(() => import('./pages/hazards/ExtensionRequestsPage')),
  },
  {
    key: 'extension-request',
    path: '/extension-requests/:id',
    label: 'extensions.menu',
    hidden: true,
    requires: { ability: 'viewHazards' },
    page: lazy(() => import('./pages/hazards/ExtensionDetailPage')),
  },
  // 执法检查, 合规建议批次, 合规建议书 (web/src/pages/enforcement); notifications link to /advice/letters/:id and
  // /advice/campaigns/:id. The static /…/new routes rank above the /:id ones in React Router.
  {
    key: 'enforcement-inspections',
    path: '/enforcement/inspections',
    label: 'enforcement.menu.inspections',
    icon: <ScheduleOutlined />,
    group: 'enforcement',
    requires: { ability: 'viewEnforcementInspections' },
    page: lazy(() => import('./pages/enforcement/InspectionsPage')),
  },
  {
    key: 'enforcement-inspection-new',
    path: '/enforcement/inspections/new',
    label: 'enforcement.menu.newInspection',
    icon: <FormOutlined />,
    group: 'enforcement',
    requires: { ability: 'recordEnforcementInspections' },
    page: lazy(() => import('./pages/enforcement/NewInspectionPage')),
  },
  {
    key: 'enforcement-inspection',
    path: '/enforcement/inspections/:id',
    label: 'enforcement.menu.inspections',
    hidden: true,
    requires: { ability: 'viewEnforcementInspections' },
    page: lazy(() => import('./pages/enforcement/InspectionDetailPage')),
  },
  {
    key: 'advice-campaigns',
    path: '/advice/campaigns',
    label: 'advice.menu.campaigns',
    icon: <SendOutlined />,
    group: 'enforcement',
    requires: { ability: 'viewCampaigns' },
    page: lazy(() => import('./pages/enforcement/CampaignsPage')),
  },
  {
    key: 'advice-campaign-new',
    path: '/advice/campaigns/new',
    label: 'advice.menu.propose',
    hidden: true, // from the 提议批量发送 button of the campaigns list
    requires: { ability: 'proposeCampaigns' },
    page: lazy(() => import('./pages/enforcement/ProposeCampaignPage')),
  },
  {
    key: 'advice-campaign',
    path: '/advice/campaigns/:id',
    label: 'advice.menu.campaigns',
    hidden: true,
    requires: { ability: 'viewCampaigns' },
    page: lazy(() => import('./pages/enforcement/CampaignDetailPage')),
  },
  {
    key: 'advice-letters',
    path: '/advice/letters',
    label: 'advice.menu.letters',
    icon: <MailOutlined />,
    group: 'enforcement',
    requires: { ability: 'viewAdviceLetters' },
    page: lazy(() => import('./pages/enforcement/LettersPage')),
  },
  {
    key: 'advice-letter',
    path: '/advice/letters/:id',
    label: 'advice.menu.letters',
    hidden: true,
    requires: { ability: 'viewAdviceLetters' },
    page: lazy(() => import('./pages/enforcement/LetterDetailPage')),
  },
  {
    key: 'enforcement-focus',
    path: '/enforcement/focus',
    label: 'enforcement.menu.focus',
    icon: <EyeOutlined />,
    group: 'enforcement',
    requires: { ability: 'viewFocusEnterprises' },
    page: lazy(() => import('./pages/enforcement/FocusPage')),
  },
  // 白名单入库申请 (web/src/pages/whitelist)
  {
    key: 'whitelist-applications',
    path: '/whitelist/applications',
    label: 'whitelist.menu.applications',
    icon: <SolutionOutlined />,
    group: 'whitelist',
    requires: { ability: 'viewWhitelistApplications' },
    page: lazy(() => import('./pages/whitelist/ApplicationsPage')),
  },
  {
    key: 'whitelist-application',
    path: '/whitelist/applications/:id',
    label: 'whitelist.menu.applications',
    hidden: true,
    requires: { ability: 'viewWhitelistApplications' },
    page: lazy(() => import('./pages/whitelist/ApplicationDetailPage')),
  },
  {
    key: 'whitelist-opinions',
    path: '/whitelist/opinions',
    label: 'whitelist.menu.opinions',
    icon: <CommentOutlined />,
    group: 'whitelist',
    requires: { ability: 'answerOpinions' },
    page: lazy(() => import('./pages/whitelist/OpinionsPage')),
  },
  // 公示管理, 白名单, 退出管理 (web/src/pages/whitelist-admin)
  {
    key: 'whitelist-notices',
    path: '/whitelist/notices',
    label: 'whitelistAdmin.menu.notices',
    icon: <NotificationOutlined />,
    group: 'whitelist',
    requires: { ability: 'manageWhitelist' },
    page: lazy(() => import('./pages/whitelist-admin/NoticesPage')),
  },
  {
    key: 'whitelist-notice',
    path: '/whitelist/notices/:id',
    label: 'whitelistAdmin.menu.notices',
    hidden: true,
    requires: { ability: 'manageWhitelist' },
    page: lazy(() => import('./pages/whitelist-admin/NoticeDetailPage')),
  },
  {
    key: 'whitelist-entries',
    path: '/whitelist/entries',
    label: 'whitelistAdmin.menu.entries',
    icon: <SafetyCertificateOutlined />,
    group: 'whitelist',
    // the list for the bureau and the subdistricts; an enterprise opens its own entry from its status card
    requires: {
      ability: 'viewWhitelistEntries',
      anyRole: ['bureau_admin', 'bureau_reviewer', 'subdistrict_officer'],
    },
    page: lazy(() => import('./pages/whitelist-admin/EntriesPage')),
  },
  {
    key: 'whitelist-entry',
    path: '/whitelist/entries/:id',
    label: 'whitelistAdmin.menu.entries',
    hidden: true,
    requires: { ability: 'viewWhitelistEntries' },
    page: lazy(() => import('./pages/whitelist-admin/EntryDetailPage')),
  },
  {
    key: 'whitelist-exits',
    path: '/whitelist/exits',
    label: 'whitelistAdmin.menu.exits',
    icon: <StopOutlined />,
    group: 'whitelist',
    requires: { ability: 'manageWhitelist' },
    page: lazy(() => import('./pages/whitelist-admin/ExitsPage')),
  },
  {
    key: 'whitelist-exit',
    path: '/whitelist/exits/:id',
    label: 'whitelistAdmin.menu.exits',
    hidden: true,
    requires: { ability: 'manageWhitelist' },
    page: lazy(() => import('./pages/whitelist-admin/ExitDetailPage')),
  },
  {
    key: 'notifications',
    path: '/notifications',
    label: 'notifications.menu',
    hidden: true, // opened from the bell in the header
    page: lazy(() => import('./pages/notifications/NotificationsPage')),
  },
  {
    key: 'users',
    path: '/admin/users',
    label: 'menu.users',
    icon: <TeamOutlined />,
    group: 'system',
    requires: { ability: 'manageUsers' },
    page: lazy(() => import('./pages/admin/UsersPage')),
  },
  {
    key: 'audit',
    path: '/audit',
    label: 'menu.audit',
    icon: <AuditOutlined />,
    group: 'system',
    requires: { ability: 'viewAudit' },
    page: lazy(() => import('./pages/audit/AuditPage')),
  },
  {
    key: 'calendar',
    path: '/calendar',
    label: 'calendar.menu',
    icon: <CalendarOutlined />,
    group: 'system',
    // readable by every bureau role; entering a year is for bureau_admin (checked on the page and the server)
    requires: { anyRole: ['bureau_admin', 'bureau_reviewer'] },
    page: lazy(() => import('./pages/calendar/CalendarPage')),
  },
  {
    key: 'settings',
    path: '/settings',
    label: 'menu.settings',
    icon: <SettingOutlined />,
    group: 'system',
    requires: { ability: 'manageSettings' },
    page: lazy(() => import('./pages/settings/SettingsPage')),
  },
];
