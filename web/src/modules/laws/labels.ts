import type { LawLevel, LawStatus } from '../../api/types';

/** 时效性 (the status of a version on a day), as the national database shows it. */
export const lawStatusTags: Record<LawStatus, { label: string; color: string }> = {
  'in-force': { label: '有效', color: 'success' },
  amended: { label: '已修改', color: 'warning' },
  repealed: { label: '已废止', color: 'error' },
  pending: { label: '尚未生效', color: 'processing' },
};

export const lawStatusOptions = (Object.keys(lawStatusTags) as LawStatus[]).map((s) => ({ value: s, label: lawStatusTags[s].label }));

/** 效力层级 (立法法), highest first. */
export const lawLevelLabels: Record<LawLevel, string> = {
  constitution: '宪法',
  law: '法律',
  'administrative-regulation': '行政法规',
  'department-rule': '部门规章',
  'judicial-interpretation': '司法解释',
  'local-regulation': '地方性法规',
  'local-government-rule': '地方政府规章',
};

export const lawLevelOptions = (Object.keys(lawLevelLabels) as LawLevel[]).map((l) => ({ value: l, label: lawLevelLabels[l] }));

/**
 * The category folders the importer reads a level from when the text does not state one (the
 * title of a 法律 or 司法解释 does): the layout of the national database's collections.
 */
export const importFolderOptions = [
  {
    label: '法律（按部门分类）',
    options: ['宪法', '宪法相关法', '民法商法', '行政法', '经济法', '社会法', '刑法', '诉讼与非诉讼程序法'].map((f) => ({ value: f, label: f })),
  },
  {
    label: '其他层级',
    options: ['行政法规', '部门规章', '司法解释', '地方性法规', '地方政府规章'].map((f) => ({ value: f, label: f })),
  },
];

/** What the importer's warning codes mean, for the column that groups them. */
export const warningCodeLabels: Record<string, string> = {
  LAW_ARTICLE_START: '首条编号',
  LAW_ARTICLE_GAP: '条文缺号',
  LAW_ARTICLE_REPEAT: '条文重号',
  LAW_HEADING_SEQUENCE: '章节编号',
  LAW_ITEM_SEQUENCE: '项目编号',
  LAW_TYPO_DI: '“笫”字误写',
  LAW_SPACE_IN_NUMBER: '编号含空格',
  LAW_BAD_NUMBER: '无法识别的编号',
  LAW_SUSPECT_HEADING: '疑似缺号标题',
  LAW_NO_TITLE: '缺少标题',
  LAW_NO_VERSION_DATE: '缺少版本日期',
  LAW_NO_ARTICLES: '没有条文',
};

/** Why a citation could not be resolved (citations.ts). */
export const citationReasonLabels: Record<string, string> = {
  LAW_UNKNOWN: '法规库中没有所引法规',
  ELEMENT_MISSING: '所引条文不存在',
  AMBIGUOUS: '所指不唯一',
  BAD_RANGE: '范围有误',
  CITATION_PROBLEM: '无法确定所指',
};

/** The kinds of history line (law-header.ts), for the 沿革 list. */
export const historyKindLabels: Record<string, string> = {
  adopted: '通过',
  promulgated: '公布',
  amended: '修正',
  revised: '修订',
  effective: '施行',
  repealed: '废止',
  other: '其他',
};
