// The `minhash` package ships no types; these cover what src/similarity uses.
declare module 'minhash' {
  export class Minhash {
    constructor(config?: { numPerm?: number; seed?: number });
    hashvalues: number[];
    update(item: string): void;
    jaccard(other: Minhash): number;
  }
}
