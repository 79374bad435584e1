//! Verdict time of the password policy by input length and kind:
//! random printable, dictionary words, and crafted l33t (zxcvbn's worst case).
//!
//!   cargo bench --bench policy                       # criterion + percentiles + worst case
//!   REKEY_BENCH_SAMPLES=200 cargo bench --bench policy -- --quick
//!
//! After criterion's estimates it prints p50/p99/max over REKEY_BENCH_SAMPLES (default
//! 1000) fresh inputs per kind and length, then searches for the slowest input of at most
//! 256 characters among adversarial candidates.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion};
use rekey::policy::{PasswordPolicy, PolicySettings, UserContext};

const LENGTHS: [usize; 6] = [8, 16, 32, 64, 128, 256];
const L33T: &str = "4@8({[<3691!|70$5+%2";
const WORDS: &[&str] = &[
    "correct",
    "horse",
    "battery",
    "staple",
    "granite",
    "lighthouse",
    "velvet",
    "password",
    "summer",
    "dragon",
    "international",
    "administration",
    "monkey",
    "purple",
    "elephant",
    "walrus",
    "kettle",
    "ambient",
    "river",
    "cloud",
    "mountain",
    "welcome",
    "football",
];

/// Small xorshift: deterministic inputs without a dependency.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick(&mut self, s: &str) -> char {
        let v: Vec<char> = s.chars().collect();
        v[self.below(v.len())]
    }
}

#[derive(Clone, Copy, Debug)]
enum Kind {
    Random,
    Words,
    L33t,
}

fn make(kind: Kind, n: usize, rng: &mut Rng) -> String {
    let s: String = match kind {
        Kind::Random => (0..n)
            .map(|_| char::from(32 + rng.below(95) as u8))
            .collect(),
        Kind::Words => {
            let mut s = String::new();
            while s.len() < n {
                let w = WORDS[rng.below(WORDS.len())];
                if rng.below(3) == 0 {
                    let mut c = w.chars();
                    if let Some(f) = c.next() {
                        s.extend(f.to_uppercase());
                        s.push_str(c.as_str());
                    }
                } else {
                    s.push_str(w);
                }
                s.push(if rng.below(4) == 0 {
                    char::from(b'0' + rng.below(10) as u8)
                } else {
                    ' '
                });
            }
            s
        }
        Kind::L33t => match rng.below(4) {
            0 => "P@$$w0rd".repeat(n / 8 + 1),
            1 => "4@8({[</369&#!1/|0$5+7%2/".repeat(n / 25 + 1),
            // Dense, non-periodic: every l33t character, so zxcvbn tries the most tables
            // and the window rule (not repetition) has to handle it.
            _ => (0..n)
                .map(|_| {
                    if rng.below(10) < 8 {
                        rng.pick(L33T)
                    } else {
                        rng.pick("qwhjkmnvbdfyupr")
                    }
                })
                .collect(),
        },
    };
    s.chars().take(n).collect()
}

fn context() -> UserContext {
    UserContext {
        given_name: Some("John".into()),
        surname: Some("Doe".into()),
        display_name: Some("John Doe".into()),
        upn: Some("john.doe@contoso.com".into()),
        mail: Some("jdoe@contoso.com".into()),
        org_name: Some("Contoso".into()),
        extra_terms: vec![],
    }
}

fn criterion_benches(c: &mut Criterion, policy: &PasswordPolicy, ctx: &UserContext) {
    let mut group = c.benchmark_group("verdict");
    for kind in [Kind::Random, Kind::Words, Kind::L33t] {
        for n in LENGTHS {
            let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ n as u64);
            let inputs: Vec<String> = (0..64).map(|_| make(kind, n, &mut rng)).collect();
            let mut i = 0;
            group.bench_with_input(BenchmarkId::new(format!("{kind:?}"), n), &n, |b, _| {
                b.iter(|| {
                    i = (i + 1) % inputs.len();
                    black_box(policy.evaluate(black_box(&inputs[i]), ctx))
                })
            });
        }
    }
    group.finish();
}

fn percentiles(policy: &PasswordPolicy, ctx: &UserContext, samples: usize) {
    println!(
        "\nverdict time over {samples} fresh inputs per cell (ms): p50 / p99 / max   [share decided by the window rule]"
    );
    for kind in [Kind::Random, Kind::Words, Kind::L33t] {
        for n in LENGTHS {
            let mut rng = Rng(0x2545_f491_4f6c_dd1d ^ (n as u64) << 8 ^ kind as u64);
            let mut t = Vec::with_capacity(samples);
            let mut windows = 0;
            for _ in 0..samples {
                let pw = make(kind, n, &mut rng);
                let start = Instant::now();
                let v = policy.evaluate(&pw, ctx);
                t.push(start.elapsed());
                windows += usize::from(v.evaluated_prefix);
                black_box(v);
            }
            t.sort();
            let ms = |d: Duration| d.as_secs_f64() * 1e3;
            println!(
                "{:>6} {:>3}: {:7.3} / {:7.3} / {:7.3}   [{:>3}%]",
                format!("{kind:?}"),
                n,
                ms(t[t.len() / 2]),
                ms(t[(t.len() * 99) / 100]),
                ms(t[t.len() - 1]),
                windows * 100 / samples
            );
        }
    }
}

/// What people actually type: word + digits, capitalised words with symbols, l33t
/// variants, random 12–16 character strings, and 3–5 word passphrases.
fn mixed(policy: &PasswordPolicy, ctx: &UserContext, samples: usize) {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut t = Vec::with_capacity(samples);
    for i in 0..samples {
        let word = |rng: &mut Rng| WORDS[rng.below(WORDS.len())].to_string();
        let pw = match i % 5 {
            0 => format!("{}{}", word(&mut rng), rng.below(10_000)),
            1 => {
                let w = word(&mut rng);
                let mut c = w.chars();
                let cap: String = c
                    .next()
                    .map(|f| f.to_ascii_uppercase())
                    .into_iter()
                    .chain(c)
                    .collect();
                format!("{cap}{}!{}", word(&mut rng), rng.below(100))
            }
            2 => {
                word(&mut rng)
                    .chars()
                    .map(|c| match c {
                        'a' => '@',
                        'o' => '0',
                        'e' => '3',
                        's' => '$',
                        c => c,
                    })
                    .collect::<String>()
                    + &rng.below(1000).to_string()
            }
            3 => (0..12 + rng.below(5))
                .map(|_| {
                    rng.pick("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789!@#$%&*-_")
                })
                .collect(),
            _ => (0..3 + rng.below(3))
                .map(|_| word(&mut rng))
                .collect::<Vec<_>>()
                .join(if i % 2 == 0 { " " } else { "-" }),
        };
        let start = Instant::now();
        black_box(policy.evaluate(&pw, ctx));
        t.push(start.elapsed());
    }
    t.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "\nrealistic mixed corpus, {samples} passwords (ms): p50 {:.3} / p99 {:.3} / max {:.3}",
        ms(t[t.len() / 2]),
        ms(t[(t.len() * 99) / 100]),
        ms(t[t.len() - 1])
    );
}

/// Random adversarial candidates of 1..=256 characters; reports the slowest.
fn worst_case(policy: &PasswordPolicy, ctx: &UserContext, tries: usize) {
    let mut rng = Rng(0xdead_beef_cafe_f00d);
    let alphabets = [
        L33T.to_string(),
        format!("{L33T}qwhjk"),
        format!("{L33T}aAeEiIoOsStT"),
        "({[<1!|7+4@$5%2690".to_string(),
        "({[<1!|7+4@$".to_string(),
    ];
    let mut slowest: Vec<(Duration, String)> = Vec::new();
    for i in 0..tries {
        let n = 1 + rng.below(256);
        let pw: String = match i % 4 {
            0 => {
                let a = &alphabets[rng.below(alphabets.len())];
                (0..n).map(|_| rng.pick(a)).collect()
            }
            1 => {
                let a = &alphabets[rng.below(alphabets.len())];
                let base: String = (0..1 + rng.below(30)).map(|_| rng.pick(a)).collect();
                base.chars().cycle().take(n).collect()
            }
            2 => {
                // A strong-looking head, then l33t density.
                let head = make(Kind::Random, rng.below(40), &mut rng);
                let tail: String = (0..n).map(|_| rng.pick(L33T)).collect();
                (head + &tail).chars().take(n.max(1)).collect()
            }
            _ => make(
                [Kind::Random, Kind::Words, Kind::L33t][rng.below(3)],
                n,
                &mut rng,
            ),
        };
        let start = Instant::now();
        black_box(policy.evaluate(&pw, ctx));
        slowest.push((start.elapsed(), pw));
        slowest.sort_by_key(|e| std::cmp::Reverse(e.0));
        slowest.truncate(5);
    }
    println!("\nslowest of {tries} adversarial inputs (<= 256 chars), each re-timed 25 times:");
    for (d, pw) in &slowest {
        let mut again: Vec<Duration> = (0..25)
            .map(|_| {
                let start = Instant::now();
                black_box(policy.evaluate(pw, ctx));
                start.elapsed()
            })
            .collect();
        again.sort();
        println!(
            "  first {:7.3} ms, re-run median {:7.3} / max {:7.3} ms, {:>3} chars: {:?}",
            d.as_secs_f64() * 1e3,
            again[again.len() / 2].as_secs_f64() * 1e3,
            again[again.len() - 1].as_secs_f64() * 1e3,
            pw.chars().count(),
            pw
        );
    }
}

fn main() {
    let policy = match PasswordPolicy::new(&PolicySettings::default()) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("policy: {e}");
            return;
        }
    };
    let ctx = context();
    let mut c = Criterion::default()
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_millis(1200))
        .sample_size(20)
        .configure_from_args();
    criterion_benches(&mut c, &policy, &ctx);
    c.final_summary();
    // `cargo test --benches` runs each benchmark once as a smoke test; skip the long tables.
    if std::env::args().any(|a| a == "--test") || cfg!(debug_assertions) {
        return;
    }
    let samples = std::env::var("REKEY_BENCH_SAMPLES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1000);
    mixed(&policy, &ctx, samples * 5);
    percentiles(&policy, &ctx, samples);
    worst_case(&policy, &ctx, samples * 5);
}
