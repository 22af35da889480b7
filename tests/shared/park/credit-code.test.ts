import { CREDIT_ALPHABET, creditCheckChar, creditCodeProblem, normalizeCreditCode } from '../../../shared/park/credit-code';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  // published codes of real enterprises: Huawei Technologies (Shenzhen) and a Fuzhou company
  it.each(['914403001922038216', '91350100M000100Y43'])('accepts %s, whose check character is right', (code) => {
    expect(creditCodeProblem(code)).toBeNull();
  });
  it('computes the check character as 31 − (Σ value × weight mod 31)', () => {
    // 9×1 + 1×3 + 4×9 + 4×27 + 0×19 + 3×26 + 0×16 + 0×17 + 1×20 + 9×29 + 2×25 + 2×13 + 0×8 + 3×24 + 8×10 + 2×30 + 1×28
    // = 9 + 3 + 36 + 108 + 78 + 20 + 261 + 50 + 26 + 72 + 80 + 60 + 28 = 831; 831 mod 31 = 25; 31 − 25 = 6
    expect(creditCheckChar('91440300192203821')).toBe('6');
  });
  it('says a wrong check character is probably mistyped', () => {
    expect(creditCodeProblem('914403001922038217')).toMatch(/校验位不符/);
  });
  it('says how long a code should be', () => {
    expect(creditCodeProblem('91440300192203821')).toMatch(/应为18位，这里是17位/);
  });
  it('names a letter the standard does not use (I, O, Z, S, V)', () => {
    expect(creditCodeProblem('91440300192203O216')).toMatch(/不能含有“O”/);
  });
  it('wants digits for the administrative division (characters 3–8)', () => {
    expect(creditCodeProblem('91A40300192203821' + '6')).toMatch(/行政区划/);
  });
  it('reads a code as people type it: spaces and dashes gone, letters capital', () => {
    expect(normalizeCreditCode(' 91350100m000100y43 ')).toBe('91350100M000100Y43');
    expect(normalizeCreditCode('9135-0100-M000-100Y43')).toBe('91350100M000100Y43');
  });
  it('has the 31 characters of the standard', () => {
    expect(CREDIT_ALPHABET).toHaveLength(31);
    expect(CREDIT_ALPHABET).not.toMatch(/[IOZSV]/);
  });
});
