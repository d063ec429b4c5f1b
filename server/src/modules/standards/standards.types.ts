/**
 * The shape of a data standard. A 数据元 (data element, GB/T 18391 / ISO 11179 style) defines one
 * kind of value once — its type, length, code set, validator and the column headers people use for
 * it; a 业务标准库 (standard library) lists the fields of one business's records, each a data
 * element, plus the business key that identifies a record and the cross-field rules it must pass.
 */

/** How a value is checked and normalised; each kind is one validator in `field-check.ts`. */
export type ElementKind =
  | 'text' // free text: trimmed, full-width ASCII folded, control characters rejected
  | 'person-name' // 姓名: Chinese or ethnic-minority names with the middle dot, or Latin letters
  | 'id-number' // 公民身份号码 (GB 11643-1999)
  | 'credit-code' // 统一社会信用代码 (GB 32100-2015)
  | 'phone' // mobile or landline
  | 'date' // a calendar date in the formats people type, or an Excel serial
  | 'code' // a member of a dictionary code set, given by code or by label
  | 'integer'
  | 'decimal'
  | 'identifier'; // a registry number (执业证号, 案号): letters, digits and - / ( ) 〔〕 only

export interface DataElement {
  /** Stable identifier, kebab-case English (`id-number`). */
  id: string;
  /** 中文名 as shown to users and used in error messages. */
  name: string;
  kind: ElementKind;
  /** Maximum length in characters after normalisation. */
  maxLength: number;
  /** Dictionary code set, for `kind: 'code'`. */
  codeSet?: string;
  /** For `identifier`: a stricter shape (regular expression source) than the kind's own. */
  pattern?: string;
  /** Column headers that mean this element, besides its 中文名. */
  aliases: readonly string[];
  /** Where the definition comes from. */
  standard: string;
  description: string;
}

/** A field of a standard library: a data element under a record key. */
export interface LibraryField {
  /** Key in the stored record (camelCase English). */
  key: string;
  element: string;
  /** The column header of the standard's template; defaults to the element's 中文名. */
  label?: string;
  required: boolean;
  /** Extra headers for this field only (the element's aliases apply too). */
  aliases?: readonly string[];
  /**
   * For a `credit-code` element: the 登记管理部门码 + 机构类别码 prefixes accepted (GB 32100-2015;
   * 司法行政 registers 31 律师事务所, 32 公证处, 33 基层法律服务所, 34 司法鉴定机构, 35 仲裁委员会).
   */
  creditCodeTypes?: readonly string[];
}

/** Cross-field rules a library may require; each is implemented once in `cross-field.rules.ts`. */
export type CrossRule = 'gender-matches-id' | 'birth-date-matches-id';

export interface StandardLibrary {
  /** English kebab-case id used by the CLI and API (`lawyer`, `law-firm`). */
  id: string;
  name: string;
  /** Bumped whenever fields, keys or rules change; records keep the version they were checked against. */
  version: number;
  /** Field keys whose values together identify a record (upsert key). */
  businessKey: readonly string[];
  fields: readonly LibraryField[];
  crossRules: readonly CrossRule[];
  /** The statute or standard the library follows. */
  basis: string;
  description: string;
}
