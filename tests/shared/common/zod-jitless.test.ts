/**
 * Every form's schema parses on a phone, where WeChat gives `Function` but refuses to build code with it: the
 * contracts are loaded and used with such a `Function`, and nothing tries to compile.
 */
import type { contracts as ContractsValue } from '../../../shared/contracts';

type Contracts = typeof ContractsValue;

describe('zod without eval (WeChat)', () => {
  it('parses the contracts’ inputs with a Function that refuses to compile, and never tries', () => {
    const real = globalThis.Function;
    let attempts = 0;
    // WeChat's Function: calling it to make code throws
    const wechat = function () {
      attempts += 1;
      throw new Error('new Function is not allowed in mini-programs');
    } as unknown as FunctionConstructor;
    Object.defineProperty(wechat, 'prototype', { value: real.prototype });
    globalThis.Function = wechat;
    try {
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { contracts } = require('../../../shared/contracts') as { contracts: Contracts };
        const ok = contracts.appeals.file.input.safeParse({ category: 'labour', text: '扩大生产急需招工，希望园区帮忙对接' });
        expect(ok.success).toBe(true);
        const bad = contracts.appeals.file.input.safeParse({ category: 'labour', text: '' });
        expect(bad.success).toBe(false);
        const many = contracts.projects.plan.input.safeParse({
          projectId: 'P1',
          milestones: [{ key: 'signing', name: '签约', planned: '2027-01-05' }],
        });
        expect(many.success).toBe(true);
        // the same object schema parsed again (a compiled fast path would be tried on a later parse)
        for (let i = 0; i < 5; i += 1) expect(contracts.park.saveSection.input.safeParse({ name: `股室${i}号` }).success).toBe(true);
      });
      expect(attempts).toBe(0);
    } finally {
      globalThis.Function = real;
    }
  });
});
