//! Arithmetic on integer magnitudes: little-endian slices of 32-bit digits, the form heap ints
//! store (see `int`). Add, subtract, schoolbook multiply and Knuth's long division (The Art of
//! Computer Programming, vol. 2, 4.3.1, algorithm D) work on the stored digits directly and
//! write into a buffer the caller provides, so an operation on heap ints costs one allocation
//! (its result) instead of a round trip through `num_bigint` for each operand. Products of two
//! long operands still go to `num_bigint`, whose Karatsuba and Toom-3 beat the schoolbook
//! method there.
//!
//! Inputs are trimmed (no most significant zero digit); outputs are trimmed by [`trimmed_len`].

use std::cmp::Ordering;

/// Both factors at least this long: the product goes to `num_bigint` (CPython's own cutoff for
/// Karatsuba is 70 of its 30-bit digits, about this many of ours).
pub const SCHOOLBOOK_LIMIT: usize = 64;

/// The length of `d` without its most significant zero digits.
#[inline]
pub fn trimmed_len(d: &[u32]) -> usize {
    let mut n = d.len();
    while n > 0 && d[n - 1] == 0 {
        n -= 1;
    }
    n
}

/// Compares two trimmed magnitudes.
pub fn cmp(a: &[u32], b: &[u32]) -> Ordering {
    if a.len() != b.len() {
        return a.len().cmp(&b.len());
    }
    for i in (0..a.len()).rev() {
        if a[i] != b[i] {
            return a[i].cmp(&b[i]);
        }
    }
    Ordering::Equal
}

/// `out = a + b`; `out` holds at least `max(len) + 1` digits. Returns the trimmed length.
pub fn add(a: &[u32], b: &[u32], out: &mut [u32]) -> usize {
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    let out = &mut out[..long.len() + 1];
    let mut carry = 0u64;
    for ((o, &x), &y) in out.iter_mut().zip(long).zip(short) {
        let s = x as u64 + y as u64 + carry;
        *o = s as u32;
        carry = s >> 32;
    }
    for (o, &x) in out[short.len()..].iter_mut().zip(&long[short.len()..]) {
        let s = x as u64 + carry;
        *o = s as u32;
        carry = s >> 32;
    }
    out[long.len()] = carry as u32;
    trimmed_len(out)
}

/// `out = a - b` for `a >= b`; `out` holds at least `a.len()` digits. Returns the trimmed length.
pub fn sub(a: &[u32], b: &[u32], out: &mut [u32]) -> usize {
    debug_assert!(cmp(a, b) != Ordering::Less);
    let out = &mut out[..a.len()];
    let mut borrow = 0u64;
    for ((o, &x), &y) in out.iter_mut().zip(a).zip(b) {
        let d = (x as u64).wrapping_sub(y as u64 + borrow);
        *o = d as u32;
        borrow = d >> 63;
    }
    for (o, &x) in out[b.len()..].iter_mut().zip(&a[b.len()..]) {
        let d = (x as u64).wrapping_sub(borrow);
        *o = d as u32;
        borrow = d >> 63;
    }
    trimmed_len(out)
}

/// `out = a * b` by the schoolbook method; `out` holds `a.len() + b.len()` digits (any
/// contents). Returns the trimmed length.
pub fn mul(a: &[u32], b: &[u32], out: &mut [u32]) -> usize {
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    let n = a.len() + b.len();
    let out = &mut out[..n];
    if short.len() == 1 {
        // One digit times many (the common case: a counter times an accumulator).
        let x = short[0] as u64;
        let mut carry = 0u64;
        for (o, &y) in out.iter_mut().zip(long) {
            let t = x * y as u64 + carry;
            *o = t as u32;
            carry = t >> 32;
        }
        out[long.len()] = carry as u32;
        return trimmed_len(out);
    }
    out.fill(0);
    for (i, &x) in short.iter().enumerate() {
        if x == 0 {
            continue;
        }
        let mut carry = 0u64;
        for (o, &y) in out[i..].iter_mut().zip(long) {
            let t = x as u64 * y as u64 + *o as u64 + carry;
            *o = t as u32;
            carry = t >> 32;
        }
        out[i + long.len()] = carry as u32;
    }
    trimmed_len(out)
}

/// Truncating division of trimmed magnitudes, `v` not zero: the quotient goes to `q` (at least
/// `u.len() - v.len() + 1` digits, or one when `u` is shorter) and the remainder to `r` (at
/// least `v.len()` digits). `work` is scratch space the function resizes. Returns the trimmed
/// lengths of quotient and remainder.
pub fn divrem(
    u: &[u32],
    v: &[u32],
    q: &mut [u32],
    r: &mut [u32],
    work: &mut Vec<u32>,
) -> (usize, usize) {
    debug_assert!(!v.is_empty());
    if cmp(u, v) == Ordering::Less {
        r[..u.len()].copy_from_slice(u);
        return (0, u.len());
    }
    let (n, m) = (u.len(), v.len());
    if m == 1 {
        let d = v[0] as u64;
        let mut rem = 0u64;
        for i in (0..n).rev() {
            let cur = (rem << 32) | u[i] as u64;
            q[i] = (cur / d) as u32;
            rem = cur % d;
        }
        r[0] = rem as u32;
        return (trimmed_len(&q[..n]), trimmed_len(&r[..1]));
    }
    // Normalize: shift both so the divisor's top digit has its high bit set. `work` holds the
    // shifted dividend (n + 1 digits) then the shifted divisor (m digits).
    let s = v[m - 1].leading_zeros();
    if work.len() < n + 1 + m {
        work.resize(n + 1 + m, 0);
    }
    let (un, vn) = work.split_at_mut(n + 1);
    let vn = &mut vn[..m];
    shift_left(u, s, un);
    shift_left(v, s, vn);
    let top = vn[m - 1] as u64;
    let next = vn[m - 2] as u64;
    const B: u64 = 1 << 32;
    for j in (0..=n - m).rev() {
        let num = ((un[j + m] as u64) << 32) | un[j + m - 1] as u64;
        let mut qhat = num / top;
        let mut rhat = num % top;
        while qhat >= B || qhat * next > ((rhat << 32) | un[j + m - 2] as u64) {
            qhat -= 1;
            rhat += top;
            if rhat >= B {
                break;
            }
        }
        // un[j..j+m+1] -= qhat * vn
        let mut borrow = 0i64;
        let mut carry = 0u64;
        for i in 0..m {
            let p = qhat * vn[i] as u64 + carry;
            carry = p >> 32;
            let t = un[i + j] as i64 - borrow - (p & 0xffff_ffff) as i64;
            un[i + j] = t as u32;
            borrow = (t < 0) as i64;
        }
        let t = un[j + m] as i64 - borrow - carry as i64;
        un[j + m] = t as u32;
        if t < 0 {
            // qhat was one too large (rare): add the divisor back.
            qhat -= 1;
            let mut c = 0u64;
            for i in 0..m {
                let s2 = un[i + j] as u64 + vn[i] as u64 + c;
                un[i + j] = s2 as u32;
                c = s2 >> 32;
            }
            un[j + m] = un[j + m].wrapping_add(c as u32);
        }
        q[j] = qhat as u32;
    }
    // The remainder is the low m digits of un, shifted back.
    for i in 0..m {
        r[i] = if s == 0 {
            un[i]
        } else {
            (un[i] >> s) | (un[i + 1] << (32 - s))
        };
    }
    (trimmed_len(&q[..n - m + 1]), trimmed_len(&r[..m]))
}

/// `out = d << s` for `s < 32`; `out` holds `d.len() + 1` digits (the last may be zero) or
/// exactly `d.len()` when the shift cannot carry out (the divisor's case).
fn shift_left(d: &[u32], s: u32, out: &mut [u32]) {
    let mut carry = 0u32;
    for i in 0..d.len() {
        out[i] = if s == 0 { d[i] } else { (d[i] << s) | carry };
        carry = if s == 0 { 0 } else { d[i] >> (32 - s) };
    }
    if out.len() > d.len() {
        out[d.len()] = carry;
    }
}

/// `d += 1` in place; `d` has room for a carry out of its top digit (one more digit than
/// `len`). Returns the new trimmed length.
pub fn increment(d: &mut [u32], len: usize) -> usize {
    for x in d[..len].iter_mut() {
        let (s, overflow) = x.overflowing_add(1);
        *x = s;
        if !overflow {
            return len;
        }
    }
    d[len] = 1;
    len + 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use num_bigint::BigUint;

    fn big(d: &[u32]) -> BigUint {
        BigUint::from_slice(d)
    }

    fn digits(mut x: u128, n: usize) -> Vec<u32> {
        let mut v = Vec::new();
        for _ in 0..n {
            v.push(x as u32);
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            x ^= x >> 29;
        }
        let l = trimmed_len(&v);
        v.truncate(l);
        v
    }

    #[test]
    fn agrees_with_num_bigint() {
        let mut work = Vec::new();
        for (sa, na) in [(1u128, 1usize), (7, 3), (99, 10), (12345, 40), (5, 2)] {
            for (sb, nb) in [(3u128, 1usize), (11, 2), (77, 5), (31, 12), (2, 40)] {
                let a = digits(sa, na);
                let mut b = digits(sb, nb);
                if b.is_empty() {
                    b.push(3);
                }
                let mut out = vec![0; a.len() + b.len() + 2];
                let l = add(&a, &b, &mut out);
                assert_eq!(big(&out[..l]), big(&a) + big(&b));
                let l = mul(&a, &b, &mut out);
                assert_eq!(big(&out[..l]), big(&a) * big(&b));
                let mut q = vec![0; a.len() + 1];
                let mut r = vec![0; b.len().max(a.len())];
                let (lq, lr) = divrem(&a, &b, &mut q, &mut r, &mut work);
                assert_eq!(big(&q[..lq]), big(&a) / big(&b));
                assert_eq!(big(&r[..lr]), big(&a) % big(&b));
                if cmp(&a, &b) != Ordering::Less {
                    let l = sub(&a, &b, &mut out);
                    assert_eq!(big(&out[..l]), big(&a) - big(&b));
                }
            }
        }
        // Digits at the edges (qhat too large by one or two, the add-back step).
        const EDGE: [u32; 5] = [0, 1, 0x7fff_ffff, 0x8000_0000, 0xffff_ffff];
        let pick = |mut k: usize, n: usize| -> Vec<u32> {
            let mut v = Vec::new();
            for _ in 0..n {
                v.push(EDGE[k % 5]);
                k /= 5;
            }
            v.truncate(trimmed_len(&v));
            v
        };
        for ka in 0..625 {
            for kb in 0..125 {
                let (a, b) = (pick(ka, 4), pick(kb, 3));
                if b.is_empty() {
                    continue;
                }
                let mut q = vec![0; 5];
                let mut r = vec![0; 4];
                let (lq, lr) = divrem(&a, &b, &mut q, &mut r, &mut work);
                assert_eq!(big(&q[..lq]), big(&a) / big(&b), "{a:x?} / {b:x?}");
                assert_eq!(big(&r[..lr]), big(&a) % big(&b), "{a:x?} % {b:x?}");
            }
        }
        let a = [0u32, 0, 0x8000_0000, 0x7fff_ffff];
        let b = [1u32, 0, 0x8000_0000];
        let mut q = vec![0; 3];
        let mut r = vec![0; 3];
        let (lq, lr) = divrem(&a, &b, &mut q, &mut r, &mut work);
        assert_eq!(big(&q[..lq]), big(&a) / big(&b));
        assert_eq!(big(&r[..lr]), big(&a) % big(&b));
    }
}
