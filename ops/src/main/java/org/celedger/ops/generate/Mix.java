package org.celedger.ops.generate;

/** Seeds for independent streams: one per practitioner, so each is drawn the same whatever else changes. */
final class Mix {

    private Mix() {
    }

    static long of(long seed, long stream) {
        return fmix(seed * 0x9E3779B97F4A7C15L + fmix(stream + 0x632BE59BD9B4E019L));
    }

    /** MurmurHash3's 64-bit finalizer. */
    private static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb93fe53a0bd8L;
        k ^= k >>> 33;
        return k;
    }
}
