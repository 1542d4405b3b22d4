//go:build !purego

#include "textflag.h"

// The vector routines of the literal searchers; see simd.go for their
// contracts and pure-Go twins. Every routine reads only bytes inside its
// slice: the last partial block is handled by one more block that ends
// exactly at the end and overlaps the one before it, with the positions
// already checked shifted out of its mask; slices too short for one block
// are scanned a byte at a time.

// func indexPairAVX2(w []byte, b1, b2, m1, m2 byte, d int) int
TEXT ·indexPairAVX2(SB), NOSPLIT, $0-48
	MOVQ    w_base+0(FP), SI
	MOVQ    w_len+8(FP), BX
	MOVQ    d+32(FP), DX
	MOVBLZX b1+24(FP), R8
	MOVBLZX b2+25(FP), R9
	MOVBLZX m1+26(FP), R10
	MOVBLZX m2+27(FP), R11

	// BX = n = len(w)-d, the positions a pair can start at; DI points d
	// bytes after SI, so (SI)(CX) and (DI)(CX) are the pair at CX.
	SUBQ DX, BX
	JLE  pairAVX2none
	LEAQ (SI)(DX*1), DI
	XORQ CX, CX
	CMPQ BX, $32
	JL   pairAVX2scalar

	// Y1 and Y2 hold b1 and b2 in every byte, Y8 and Y9 the masks m1
	// and m2 ORed into the text bytes before comparing (0x20 folds an
	// ASCII letter to lower case, 0 compares exactly).
	MOVQ         R8, X1
	VPBROADCASTB X1, Y1
	MOVQ         R9, X2
	VPBROADCASTB X2, Y2
	MOVQ         R10, X8
	VPBROADCASTB X8, Y8
	MOVQ         R11, X9
	VPBROADCASTB X9, Y9

pairAVX2loop64:
	// 64 positions a round while they fit: each 32-byte block gives
	// b1-here AND b2-d-bytes-on; the two are ORed and tested once.
	LEAQ     64(CX), AX
	CMPQ     AX, BX
	JG       pairAVX2loop32
	VPOR     (SI)(CX*1), Y8, Y3
	VPCMPEQB Y3, Y1, Y3
	VPOR     (DI)(CX*1), Y9, Y4
	VPCMPEQB Y4, Y2, Y4
	VPAND    Y3, Y4, Y3
	VPOR     32(SI)(CX*1), Y8, Y5
	VPCMPEQB Y5, Y1, Y5
	VPOR     32(DI)(CX*1), Y9, Y6
	VPCMPEQB Y6, Y2, Y6
	VPAND    Y5, Y6, Y5
	VPOR     Y3, Y5, Y6
	VPTEST   Y6, Y6
	JNZ      pairAVX2hit64
	ADDQ     $64, CX
	JMP      pairAVX2loop64

pairAVX2hit64:
	// A pair in one of the two blocks: the first block wins if it
	// has one.
	VPMOVMSKB Y3, AX
	TESTL     AX, AX
	JNZ       pairAVX2found
	VPMOVMSKB Y5, AX
	ADDQ      $32, CX
	JMP       pairAVX2found

pairAVX2loop32:
	// At most one more whole block.
	LEAQ      32(CX), AX
	CMPQ      AX, BX
	JG        pairAVX2tail
	VPOR      (SI)(CX*1), Y8, Y3
	VPCMPEQB  Y3, Y1, Y3
	VPOR      (DI)(CX*1), Y9, Y4
	VPCMPEQB  Y4, Y2, Y4
	VPAND     Y3, Y4, Y3
	VPMOVMSKB Y3, AX
	TESTL     AX, AX
	JNZ       pairAVX2found
	ADDQ      $32, CX
	JMP       pairAVX2loop32

pairAVX2tail:
	// The last block starts at R12 = n-32 and overlaps what was
	// checked: shift its first CX-R12 positions out of the mask.
	CMPQ      CX, BX
	JEQ       pairAVX2noneV
	MOVQ      BX, R12
	SUBQ      $32, R12
	VPOR      (SI)(R12*1), Y8, Y3
	VPCMPEQB  Y3, Y1, Y3
	VPOR      (DI)(R12*1), Y9, Y4
	VPCMPEQB  Y4, Y2, Y4
	VPAND     Y3, Y4, Y3
	VPMOVMSKB Y3, AX
	SUBQ      R12, CX
	SHRL      CX, AX
	TESTL     AX, AX
	JZ        pairAVX2noneV
	ADDQ      R12, CX

pairAVX2found:
	// CX is the block's first position and AX its mask: the answer is
	// CX plus the index of the lowest set bit.
	BSFL       AX, AX
	ADDQ       CX, AX
	MOVQ       AX, ret+40(FP)
	VZEROUPPER
	RET

pairAVX2noneV:
	VZEROUPPER

pairAVX2none:
	MOVQ $-1, ret+40(FP)
	RET

pairAVX2scalar:
	// Fewer than 32 positions: one byte at a time.
	CMPQ    CX, BX
	JGE     pairAVX2none
	MOVBLZX (SI)(CX*1), AX
	ORL     R10, AX
	CMPL    AX, R8
	JNE     pairAVX2next
	MOVBLZX (DI)(CX*1), AX
	ORL     R11, AX
	CMPL    AX, R9
	JEQ     pairAVX2scalarFound

pairAVX2next:
	INCQ CX
	JMP  pairAVX2scalar

pairAVX2scalarFound:
	MOVQ CX, ret+40(FP)
	RET

// PAIR_SSE2_BLOCK leaves in dst the positions of the 16 from (SI)(idx)
// where the pair occurs, using tmp.
#define PAIR_SSE2_BLOCK(off, idx, dst, tmp) \
	MOVOU   off(SI)(idx*1), dst; \
	POR     X8, dst; \
	PCMPEQB X1, dst; \
	MOVOU   off(DI)(idx*1), tmp; \
	POR     X9, tmp; \
	PCMPEQB X2, tmp; \
	PAND    tmp, dst

// func indexPairSSE2(w []byte, b1, b2, m1, m2 byte, d int) int
TEXT ·indexPairSSE2(SB), NOSPLIT, $0-48
	MOVQ    w_base+0(FP), SI
	MOVQ    w_len+8(FP), BX
	MOVQ    d+32(FP), DX
	MOVBLZX b1+24(FP), R8
	MOVBLZX b2+25(FP), R9
	MOVBLZX m1+26(FP), R10
	MOVBLZX m2+27(FP), R11

	// As in the AVX2 version: BX = n positions, DI = SI+d.
	SUBQ DX, BX
	JLE  pairSSE2none
	LEAQ (SI)(DX*1), DI
	XORQ CX, CX
	CMPQ BX, $16
	JL   pairSSE2scalar

	// X1, X2, X8, X9 hold b1, b2, m1, m2 in every byte: SSE2 has no
	// byte broadcast, so double the byte to a word, copy the word to
	// the low four, then the low dword to all four.
	MOVQ      R8, X1
	PUNPCKLBW X1, X1
	PSHUFLW   $0, X1, X1
	PSHUFD    $0, X1, X1
	MOVQ      R9, X2
	PUNPCKLBW X2, X2
	PSHUFLW   $0, X2, X2
	PSHUFD    $0, X2, X2
	MOVQ      R10, X8
	PUNPCKLBW X8, X8
	PSHUFLW   $0, X8, X8
	PSHUFD    $0, X8, X8
	MOVQ      R11, X9
	PUNPCKLBW X9, X9
	PSHUFLW   $0, X9, X9
	PSHUFD    $0, X9, X9

pairSSE2loop32:
	// 32 positions a round in two 16-byte blocks, tested together.
	LEAQ     32(CX), AX
	CMPQ     AX, BX
	JG       pairSSE2loop16
	PAIR_SSE2_BLOCK(0, CX, X3, X4)
	PAIR_SSE2_BLOCK(16, CX, X5, X6)
	MOVO     X3, X6
	POR      X5, X6
	PMOVMSKB X6, AX
	TESTL    AX, AX
	JNZ      pairSSE2hit32
	ADDQ     $32, CX
	JMP      pairSSE2loop32

pairSSE2hit32:
	PMOVMSKB X3, AX
	TESTL    AX, AX
	JNZ      pairSSE2found
	PMOVMSKB X5, AX
	ADDQ     $16, CX
	JMP      pairSSE2found

pairSSE2loop16:
	LEAQ     16(CX), AX
	CMPQ     AX, BX
	JG       pairSSE2tail
	PAIR_SSE2_BLOCK(0, CX, X3, X4)
	PMOVMSKB X3, AX
	TESTL    AX, AX
	JNZ      pairSSE2found
	ADDQ     $16, CX
	JMP      pairSSE2loop16

pairSSE2tail:
	// The overlapping last block at R12 = n-16.
	CMPQ     CX, BX
	JEQ      pairSSE2none
	MOVQ     BX, R12
	SUBQ     $16, R12
	PAIR_SSE2_BLOCK(0, R12, X3, X4)
	PMOVMSKB X3, AX
	SUBQ     R12, CX
	SHRL     CX, AX
	TESTL    AX, AX
	JZ       pairSSE2none
	ADDQ     R12, CX

pairSSE2found:
	BSFL AX, AX
	ADDQ CX, AX
	MOVQ AX, ret+40(FP)
	RET

pairSSE2none:
	MOVQ $-1, ret+40(FP)
	RET

pairSSE2scalar:
	CMPQ    CX, BX
	JGE     pairSSE2none
	MOVBLZX (SI)(CX*1), AX
	ORL     R10, AX
	CMPL    AX, R8
	JNE     pairSSE2next
	MOVBLZX (DI)(CX*1), AX
	ORL     R11, AX
	CMPL    AX, R9
	JEQ     pairSSE2scalarFound

pairSSE2next:
	INCQ CX
	JMP  pairSSE2scalar

pairSSE2scalarFound:
	MOVQ CX, ret+40(FP)
	RET

// func indexAny3AVX2(w []byte, a, b, c byte) int
TEXT ·indexAny3AVX2(SB), NOSPLIT, $0-40
	MOVQ    w_base+0(FP), SI
	MOVQ    w_len+8(FP), BX
	MOVBLZX a+24(FP), R8
	MOVBLZX b+25(FP), R9
	MOVBLZX c+26(FP), R10
	XORQ    CX, CX
	CMPQ    BX, $32
	JL      any3AVX2scalar

	// Y1, Y2, Y7 hold a, b, c in every byte.
	MOVQ         R8, X1
	VPBROADCASTB X1, Y1
	MOVQ         R9, X2
	VPBROADCASTB X2, Y2
	MOVQ         R10, X7
	VPBROADCASTB X7, Y7

any3AVX2loop:
	// One 32-byte block a round: the OR of its three comparisons.
	LEAQ      32(CX), AX
	CMPQ      AX, BX
	JG        any3AVX2tail
	VMOVDQU   (SI)(CX*1), Y0
	VPCMPEQB  Y0, Y1, Y3
	VPCMPEQB  Y0, Y2, Y4
	VPCMPEQB  Y0, Y7, Y5
	VPOR      Y3, Y4, Y3
	VPOR      Y3, Y5, Y3
	VPMOVMSKB Y3, AX
	TESTL     AX, AX
	JNZ       any3AVX2found
	ADDQ      $32, CX
	JMP       any3AVX2loop

any3AVX2tail:
	// The overlapping last block at R11 = len-32.
	CMPQ      CX, BX
	JEQ       any3AVX2noneV
	MOVQ      BX, R11
	SUBQ      $32, R11
	VMOVDQU   (SI)(R11*1), Y0
	VPCMPEQB  Y0, Y1, Y3
	VPCMPEQB  Y0, Y2, Y4
	VPCMPEQB  Y0, Y7, Y5
	VPOR      Y3, Y4, Y3
	VPOR      Y3, Y5, Y3
	VPMOVMSKB Y3, AX
	SUBQ      R11, CX
	SHRL      CX, AX
	TESTL     AX, AX
	JZ        any3AVX2noneV
	ADDQ      R11, CX

any3AVX2found:
	BSFL       AX, AX
	ADDQ       CX, AX
	MOVQ       AX, ret+32(FP)
	VZEROUPPER
	RET

any3AVX2noneV:
	VZEROUPPER

any3AVX2none:
	MOVQ $-1, ret+32(FP)
	RET

any3AVX2scalar:
	// Fewer than 32 bytes: one at a time.
	CMPQ    CX, BX
	JGE     any3AVX2none
	MOVBLZX (SI)(CX*1), AX
	CMPL    AX, R8
	JEQ     any3AVX2scalarFound
	CMPL    AX, R9
	JEQ     any3AVX2scalarFound
	CMPL    AX, R10
	JEQ     any3AVX2scalarFound
	INCQ    CX
	JMP     any3AVX2scalar

any3AVX2scalarFound:
	MOVQ CX, ret+32(FP)
	RET

// func indexAny3SSE2(w []byte, a, b, c byte) int
TEXT ·indexAny3SSE2(SB), NOSPLIT, $0-40
	MOVQ    w_base+0(FP), SI
	MOVQ    w_len+8(FP), BX
	MOVBLZX a+24(FP), R8
	MOVBLZX b+25(FP), R9
	MOVBLZX c+26(FP), R10
	XORQ    CX, CX
	CMPQ    BX, $16
	JL      any3SSE2scalar

	// X1, X2, X7 hold a, b, c in every byte (see indexPairSSE2).
	MOVQ      R8, X1
	PUNPCKLBW X1, X1
	PSHUFLW   $0, X1, X1
	PSHUFD    $0, X1, X1
	MOVQ      R9, X2
	PUNPCKLBW X2, X2
	PSHUFLW   $0, X2, X2
	PSHUFD    $0, X2, X2
	MOVQ      R10, X7
	PUNPCKLBW X7, X7
	PSHUFLW   $0, X7, X7
	PSHUFD    $0, X7, X7

any3SSE2loop:
	// One 16-byte block a round.
	LEAQ     16(CX), AX
	CMPQ     AX, BX
	JG       any3SSE2tail
	MOVOU    (SI)(CX*1), X0
	MOVO     X0, X3
	PCMPEQB  X1, X3
	MOVO     X0, X4
	PCMPEQB  X2, X4
	PCMPEQB  X7, X0
	POR      X4, X3
	POR      X0, X3
	PMOVMSKB X3, AX
	TESTL    AX, AX
	JNZ      any3SSE2found
	ADDQ     $16, CX
	JMP      any3SSE2loop

any3SSE2tail:
	// The overlapping last block at R11 = len-16.
	CMPQ     CX, BX
	JEQ      any3SSE2none
	MOVQ     BX, R11
	SUBQ     $16, R11
	MOVOU    (SI)(R11*1), X0
	MOVO     X0, X3
	PCMPEQB  X1, X3
	MOVO     X0, X4
	PCMPEQB  X2, X4
	PCMPEQB  X7, X0
	POR      X4, X3
	POR      X0, X3
	PMOVMSKB X3, AX
	SUBQ     R11, CX
	SHRL     CX, AX
	TESTL    AX, AX
	JZ       any3SSE2none
	ADDQ     R11, CX

any3SSE2found:
	BSFL AX, AX
	ADDQ CX, AX
	MOVQ AX, ret+32(FP)
	RET

any3SSE2none:
	MOVQ $-1, ret+32(FP)
	RET

any3SSE2scalar:
	CMPQ    CX, BX
	JGE     any3SSE2none
	MOVBLZX (SI)(CX*1), AX
	CMPL    AX, R8
	JEQ     any3SSE2scalarFound
	CMPL    AX, R9
	JEQ     any3SSE2scalarFound
	CMPL    AX, R10
	JEQ     any3SSE2scalarFound
	INCQ    CX
	JMP     any3SSE2scalar

any3SSE2scalarFound:
	MOVQ CX, ret+32(FP)
	RET

// Teddy's block scan (see teddy.go). Both versions keep the nibble tables
// in registers: X8/X9 (Y8/Y9) for offset 0, X10/X11 for offset 1 and
// X12/X13 for offset 2, low nibble first; X14 holds 0x0F in every byte and
// X15 zero. SI, R11 and R12 point at the bytes at offsets 0, 1 and 2 of
// the positions, where an offset beyond k-1 is replaced by k-1: its
// tables accept every bucket, so the load just has to stay in bounds.

// TEDDY_SSSE3_NIBBLES looks up the 16 bytes at (base)(idx) in the tables
// lo and hi and ANDs the buckets found into X2.
#define TEDDY_SSSE3_NIBBLES(base, idx, lo, hi) \
	MOVOU  (base)(idx*1), X0; \
	MOVO   X0, X1; \
	PSRLW  $4, X1; \
	PAND   X14, X0; \
	PAND   X14, X1; \
	MOVO   lo, X3; \
	PSHUFB X0, X3; \
	PAND   X3, X2; \
	MOVO   hi, X3; \
	PSHUFB X1, X3; \
	PAND   X3, X2

// TEDDY_SSSE3_BLOCK leaves in AX a bit for each of the 16 positions from
// idx where some bucket may match.
#define TEDDY_SSSE3_BLOCK(idx) \
	PCMPEQB  X2, X2; \
	TEDDY_SSSE3_NIBBLES(SI, idx, X8, X9); \
	TEDDY_SSSE3_NIBBLES(R11, idx, X10, X11); \
	TEDDY_SSSE3_NIBBLES(R12, idx, X12, X13); \
	PCMPEQB  X15, X2; \
	PMOVMSKB X2, AX; \
	XORL     $0xFFFF, AX

// func teddySSSE3(m *teddyMasks, w []byte, k int) int
TEXT ·teddySSSE3(SB), NOSPLIT, $0-48
	MOVQ m+0(FP), AX
	MOVQ w_base+8(FP), SI
	MOVQ w_len+16(FP), BX
	MOVQ k+32(FP), DX

	// BX = n = len(w)-k+1, the positions; DX = k-1, the last offset.
	SUBQ DX, BX
	INCQ BX
	DECQ DX

	// R11 = SI+min(1, k-1), R12 = SI+min(2, k-1).
	MOVQ    $1, R8
	CMPQ    DX, R8
	CMOVQLT DX, R8
	LEAQ    (SI)(R8*1), R11
	MOVQ    $2, R8
	CMPQ    DX, R8
	CMOVQLT DX, R8
	LEAQ    (SI)(R8*1), R12

	// The tables: lo[j] at 16*j, hi[j] at 48+16*j.
	MOVOU      0(AX), X8
	MOVOU      48(AX), X9
	MOVOU      16(AX), X10
	MOVOU      64(AX), X11
	MOVOU      32(AX), X12
	MOVOU      80(AX), X13
	MOVQ       $0x0F0F0F0F0F0F0F0F, R8
	MOVQ       R8, X14
	PUNPCKLQDQ X14, X14
	PXOR       X15, X15
	XORQ       CX, CX

teddySSSE3loop:
	// One 16-position block a round while it fits.
	LEAQ 16(CX), R9
	CMPQ R9, BX
	JG   teddySSSE3tail
	TEDDY_SSSE3_BLOCK(CX)
	TESTL AX, AX
	JNZ  teddySSSE3found
	ADDQ $16, CX
	JMP  teddySSSE3loop

teddySSSE3tail:
	// The overlapping last block at R10 = n-16, its first CX-R10
	// positions shifted out.
	CMPQ CX, BX
	JEQ  teddySSSE3none
	MOVQ BX, R10
	SUBQ $16, R10
	TEDDY_SSSE3_BLOCK(R10)
	SUBQ  R10, CX
	SHRL  CX, AX
	TESTL AX, AX
	JZ    teddySSSE3none
	ADDQ  R10, CX

teddySSSE3found:
	BSFL AX, AX
	ADDQ CX, AX
	MOVQ AX, ret+40(FP)
	RET

teddySSSE3none:
	MOVQ $-1, ret+40(FP)
	RET

// TEDDY_AVX2_NIBBLES is TEDDY_SSSE3_NIBBLES on 32 bytes into Y2. VPSHUFB
// shuffles within each 128-bit lane, so the tables are in both lanes.
#define TEDDY_AVX2_NIBBLES(base, idx, lo, hi) \
	VMOVDQU (base)(idx*1), Y0; \
	VPSRLW  $4, Y0, Y1; \
	VPAND   Y14, Y0, Y0; \
	VPAND   Y14, Y1, Y1; \
	VPSHUFB Y0, lo, Y3; \
	VPAND   Y3, Y2, Y2; \
	VPSHUFB Y1, hi, Y3; \
	VPAND   Y3, Y2, Y2

// TEDDY_AVX2_BLOCK leaves in AX a bit for each of the 32 positions from
// idx where some bucket may match.
#define TEDDY_AVX2_BLOCK(idx) \
	VPCMPEQB  Y2, Y2, Y2; \
	TEDDY_AVX2_NIBBLES(SI, idx, Y8, Y9); \
	TEDDY_AVX2_NIBBLES(R11, idx, Y10, Y11); \
	TEDDY_AVX2_NIBBLES(R12, idx, Y12, Y13); \
	VPCMPEQB  Y15, Y2, Y2; \
	VPMOVMSKB Y2, AX; \
	NOTL      AX

// func teddyAVX2(m *teddyMasks, w []byte, k int) int
TEXT ·teddyAVX2(SB), NOSPLIT, $0-48
	MOVQ m+0(FP), AX
	MOVQ w_base+8(FP), SI
	MOVQ w_len+16(FP), BX
	MOVQ k+32(FP), DX

	// As in teddySSSE3: BX = n positions, R11 and R12 the offsets.
	SUBQ    DX, BX
	INCQ    BX
	DECQ    DX
	MOVQ    $1, R8
	CMPQ    DX, R8
	CMOVQLT DX, R8
	LEAQ    (SI)(R8*1), R11
	MOVQ    $2, R8
	CMPQ    DX, R8
	CMOVQLT DX, R8
	LEAQ    (SI)(R8*1), R12

	// The tables, each copied to both 128-bit lanes.
	VBROADCASTI128 0(AX), Y8
	VBROADCASTI128 48(AX), Y9
	VBROADCASTI128 16(AX), Y10
	VBROADCASTI128 64(AX), Y11
	VBROADCASTI128 32(AX), Y12
	VBROADCASTI128 80(AX), Y13
	MOVQ           $0x0F, R8
	MOVQ           R8, X14
	VPBROADCASTB   X14, Y14
	VPXOR          Y15, Y15, Y15
	XORQ           CX, CX

teddyAVX2loop:
	// One 32-position block a round while it fits.
	LEAQ 32(CX), R9
	CMPQ R9, BX
	JG   teddyAVX2tail
	TEDDY_AVX2_BLOCK(CX)
	TESTL AX, AX
	JNZ  teddyAVX2found
	ADDQ $32, CX
	JMP  teddyAVX2loop

teddyAVX2tail:
	// The overlapping last block at R10 = n-32.
	CMPQ CX, BX
	JEQ  teddyAVX2none
	MOVQ BX, R10
	SUBQ $32, R10
	TEDDY_AVX2_BLOCK(R10)
	SUBQ  R10, CX
	SHRL  CX, AX
	TESTL AX, AX
	JZ    teddyAVX2none
	ADDQ  R10, CX

teddyAVX2found:
	BSFL       AX, AX
	ADDQ       CX, AX
	MOVQ       AX, ret+40(FP)
	VZEROUPPER
	RET

teddyAVX2none:
	VZEROUPPER
	MOVQ $-1, ret+40(FP)
	RET
