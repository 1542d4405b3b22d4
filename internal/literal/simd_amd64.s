//go:build !purego

#include "textflag.h"

// The vector routines of the literal searchers; see simd.go for their
// contracts and pure-Go twins. Every routine reads only bytes inside its
// slice: the last partial block is handled by one more block that ends
// exactly at the end and overlaps the one before it, with the positions
// already checked shifted out of its mask; slices too short for one block
// are scanned a byte at a time.

// func indexPairAVX2(w []byte, b1, b2 byte, d int) int
TEXT ·indexPairAVX2(SB), NOSPLIT, $0-48
	MOVQ    w_base+0(FP), SI
	MOVQ    w_len+8(FP), BX
	MOVQ    d+32(FP), DX
	MOVBLZX b1+24(FP), R8
	MOVBLZX b2+25(FP), R9

	// BX = n = len(w)-d, the positions a pair can start at; DI points d
	// bytes after SI, so (SI)(CX) and (DI)(CX) are the pair at CX.
	SUBQ DX, BX
	JLE  pairAVX2none
	LEAQ (SI)(DX*1), DI
	XORQ CX, CX
	CMPQ BX, $32
	JL   pairAVX2scalar

	// Y1 and Y2 hold b1 and b2 in every byte.
	MOVQ         R8, X1
	VPBROADCASTB X1, Y1
	MOVQ         R9, X2
	VPBROADCASTB X2, Y2

pairAVX2loop64:
	// 64 positions a round while they fit: each 32-byte block gives
	// b1-here AND b2-d-bytes-on; the two are ORed and tested once.
	LEAQ     64(CX), AX
	CMPQ     AX, BX
	JG       pairAVX2loop32
	VPCMPEQB (SI)(CX*1), Y1, Y3
	VPCMPEQB (DI)(CX*1), Y2, Y4
	VPAND    Y3, Y4, Y3
	VPCMPEQB 32(SI)(CX*1), Y1, Y5
	VPCMPEQB 32(DI)(CX*1), Y2, Y6
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
	VPCMPEQB  (SI)(CX*1), Y1, Y3
	VPCMPEQB  (DI)(CX*1), Y2, Y4
	VPAND     Y3, Y4, Y3
	VPMOVMSKB Y3, AX
	TESTL     AX, AX
	JNZ       pairAVX2found
	ADDQ      $32, CX
	JMP       pairAVX2loop32

pairAVX2tail:
	// The last block starts at R10 = n-32 and overlaps what was
	// checked: shift its first CX-R10 positions out of the mask.
	CMPQ      CX, BX
	JEQ       pairAVX2noneV
	MOVQ      BX, R10
	SUBQ      $32, R10
	VPCMPEQB  (SI)(R10*1), Y1, Y3
	VPCMPEQB  (DI)(R10*1), Y2, Y4
	VPAND     Y3, Y4, Y3
	VPMOVMSKB Y3, AX
	SUBQ      R10, CX
	SHRL      CX, AX
	TESTL     AX, AX
	JZ        pairAVX2noneV
	ADDQ      R10, CX

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
	CMPL    AX, R8
	JNE     pairAVX2next
	MOVBLZX (DI)(CX*1), AX
	CMPL    AX, R9
	JEQ     pairAVX2scalarFound

pairAVX2next:
	INCQ CX
	JMP  pairAVX2scalar

pairAVX2scalarFound:
	MOVQ CX, ret+40(FP)
	RET

// func indexPairSSE2(w []byte, b1, b2 byte, d int) int
TEXT ·indexPairSSE2(SB), NOSPLIT, $0-48
	MOVQ    w_base+0(FP), SI
	MOVQ    w_len+8(FP), BX
	MOVQ    d+32(FP), DX
	MOVBLZX b1+24(FP), R8
	MOVBLZX b2+25(FP), R9

	// As in the AVX2 version: BX = n positions, DI = SI+d.
	SUBQ DX, BX
	JLE  pairSSE2none
	LEAQ (SI)(DX*1), DI
	XORQ CX, CX
	CMPQ BX, $16
	JL   pairSSE2scalar

	// X1 and X2 hold b1 and b2 in every byte: SSE2 has no byte
	// broadcast, so double the byte to a word, copy the word to the
	// low four, then the low dword to all four.
	MOVQ      R8, X1
	PUNPCKLBW X1, X1
	PSHUFLW   $0, X1, X1
	PSHUFD    $0, X1, X1
	MOVQ      R9, X2
	PUNPCKLBW X2, X2
	PSHUFLW   $0, X2, X2
	PSHUFD    $0, X2, X2

pairSSE2loop32:
	// 32 positions a round in two 16-byte blocks, tested together.
	LEAQ     32(CX), AX
	CMPQ     AX, BX
	JG       pairSSE2loop16
	MOVOU    (SI)(CX*1), X3
	PCMPEQB  X1, X3
	MOVOU    (DI)(CX*1), X4
	PCMPEQB  X2, X4
	PAND     X4, X3
	MOVOU    16(SI)(CX*1), X5
	PCMPEQB  X1, X5
	MOVOU    16(DI)(CX*1), X6
	PCMPEQB  X2, X6
	PAND     X6, X5
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
	MOVOU    (SI)(CX*1), X3
	PCMPEQB  X1, X3
	MOVOU    (DI)(CX*1), X4
	PCMPEQB  X2, X4
	PAND     X4, X3
	PMOVMSKB X3, AX
	TESTL    AX, AX
	JNZ      pairSSE2found
	ADDQ     $16, CX
	JMP      pairSSE2loop16

pairSSE2tail:
	// The overlapping last block at R10 = n-16.
	CMPQ     CX, BX
	JEQ      pairSSE2none
	MOVQ     BX, R10
	SUBQ     $16, R10
	MOVOU    (SI)(R10*1), X3
	PCMPEQB  X1, X3
	MOVOU    (DI)(R10*1), X4
	PCMPEQB  X2, X4
	PAND     X4, X3
	PMOVMSKB X3, AX
	SUBQ     R10, CX
	SHRL     CX, AX
	TESTL    AX, AX
	JZ       pairSSE2none
	ADDQ     R10, CX

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
	CMPL    AX, R8
	JNE     pairSSE2next
	MOVBLZX (DI)(CX*1), AX
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
