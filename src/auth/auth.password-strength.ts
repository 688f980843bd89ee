import { ZxcvbnFactory, type ZxcvbnResult } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary as commonDictionary } from "@zxcvbn-ts/language-common";
import { dictionary as englishDictionary } from "@zxcvbn-ts/language-en";
import { AppError } from "../http/errors.ts";
import { foldForSearch } from "../text/vietnamese.ts";

/** The fewest characters a password may have. */
export const MIN_PASSWORD_LENGTH = 12;
/** zxcvbn's score a password must reach: 3 is "safely unguessable" (about 10^8 guesses or more). */
const MIN_SCORE = 3;

/**
 * Words Vietnamese users build passwords on, written without tone marks (a password is judged with and without
 * them), most common first: the zxcvbn dictionaries are English and would miss them.
 */
const VIETNAMESE_WORDS = [
  "matkhau", "anhyeuem", "emyeuanh", "yeuem", "yeuanh", "iloveyou", "toiyeuban", "anhyeuemnhieu", "emyeuanhnhieu",
  "matkhaumoi", "matkhaucuatoi", "xinchao", "congan", "congannhandan", "canhsat", "canhsatgiaothong", "csgt",
  "anninh", "bocongan", "cand", "vietnam", "hanoi", "saigon", "hochiminh", "tphcm", "danang", "haiphong", "cantho",
  "hue", "thanhhoa", "nghean", "langnghe", "quantri", "quantrivien", "tinhyeu", "hanhphuc", "giadinh", "baby",
  "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do", "ho", "ngo", "duong",
  "ly", "anh", "minh", "linh", "huong", "hung", "dung", "thanh", "hoa", "lan", "mai", "trang", "ngoc", "tuan",
  "nam", "hieu", "quang", "long", "hai", "duc", "phuong", "thao", "hang", "thu", "ha", "yen", "trung", "son",
  "khanh", "huy", "dat", "tam", "viet", "cuong", "thuy", "nga", "hien", "loan", "oanh", "thang", "binh", "an",
  "van", "thi", "nguyenvan", "nguyenthi", "tranvan", "tranthi", "levan", "lethi",
];

let factory: ZxcvbnFactory | undefined;
// Built on first use: ranking the dictionaries takes a moment that a server which never sets a password need not spend.
const estimator = () =>
  (factory ??= new ZxcvbnFactory({
    dictionary: { ...commonDictionary, ...englishDictionary, vietnamese: VIETNAMESE_WORDS },
    graphs: adjacencyGraphs,
  }));

const isPersonal = (match: ZxcvbnResult["sequence"][number]) =>
  match.pattern === "dictionary" && match.dictionaryName === "userInputs";

/** Why a guessable password is refused, from the matches zxcvbn found in it (the message codes say it in vi and en). */
function weaknessOf(result: ZxcvbnResult) {
  const patterns = result.sequence.map((match) => (isPersonal(match) ? "personal" : match.pattern));
  if (patterns.includes("personal")) return "auth.password_personal";
  if (patterns.includes("dictionary")) return "auth.password_common";
  if (patterns.some((p) => p === "repeat" || p === "sequence" || p === "spatial")) return "auth.password_pattern";
  return "auth.password_guessable";
}

/**
 * The one password rule, applied wherever a password is set: at least MIN_PASSWORD_LENGTH characters, not made
 * mostly of the account's own names, and hard to guess by zxcvbn (with Vietnamese words). Throws 400 with the
 * reason (`auth.password_too_short`, `_common`, `_pattern`, `_personal`, `_guessable`) on field `password`.
 */
export function assertStrongPassword(password: string, personalInputs: string[] = []): void {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    throw new AppError(400, "auth.password_too_short", { field: "password", params: { min: MIN_PASSWORD_LENGTH } });
  }
  // Each name whole, folded, run together and word by word: "Trần Thị Hoa" also gives "tranthihoa", "tran", "thi", "hoa".
  const inputs = personalInputs.flatMap((input) => {
    const words = foldForSearch(input).split(/[^a-z0-9]+/).filter(Boolean);
    return [input, foldForSearch(input), words.join(""), ...words];
  });
  const results = [estimator().check(password, inputs)];
  // A word typed with its tone marks ("mậtkhẩu") is as guessable as without them.
  const folded = foldForSearch(password);
  if (folded && folded !== password.toLowerCase()) results.push(estimator().check(folded, inputs));
  const weakest = results.reduce((a, b) => (b.guesses < a.guesses ? b : a));
  // Whoever knows the officer knows their names: a password made mostly of them is refused whatever its score.
  const personalLength = weakest.sequence.filter(isPersonal).reduce((sum, match) => sum + match.token.length, 0);
  if (personalLength * 2 >= weakest.password.length) throw new AppError(400, "auth.password_personal", { field: "password" });
  if (weakest.score < MIN_SCORE) throw new AppError(400, weaknessOf(weakest), { field: "password" });
}
