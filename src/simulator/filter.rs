//! A small OData `$filter` parser and evaluator: comparisons, `and`/`or`, parentheses,
//! `startswith`/`endswith`, and `any` lambdas on collections. String literals use `''` for a
//! quote, so a name with an apostrophe stays inside its literal.

use serde_json::Value;

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Word(String),
    Str(String),
    Open,
    Close,
    Comma,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Lit {
    Str(String),
    Num(f64),
    Bool(bool),
    Null,
    Word(String),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    Or(Vec<Expr>),
    And(Vec<Expr>),
    Cmp {
        path: String,
        op: String,
        lit: Lit,
    },
    Func {
        name: String,
        path: String,
        lit: Lit,
    },
    Any {
        path: String,
        op: String,
        lit: Lit,
    },
}

fn tokenize(s: &str) -> Result<Vec<Tok>, String> {
    let mut out = Vec::new();
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            ' ' | '\t' => i += 1,
            '(' => {
                out.push(Tok::Open);
                i += 1;
            }
            ')' => {
                out.push(Tok::Close);
                i += 1;
            }
            ',' => {
                out.push(Tok::Comma);
                i += 1;
            }
            '\'' => {
                let mut v = String::new();
                i += 1;
                loop {
                    match chars.get(i) {
                        None => return Err("unterminated string literal".into()),
                        Some('\'') if chars.get(i + 1) == Some(&'\'') => {
                            v.push('\'');
                            i += 2;
                        }
                        Some('\'') => {
                            i += 1;
                            break;
                        }
                        Some(ch) => {
                            v.push(*ch);
                            i += 1;
                        }
                    }
                }
                out.push(Tok::Str(v));
            }
            _ => {
                let start = i;
                while i < chars.len() && !matches!(chars[i], ' ' | '\t' | '(' | ')' | ',' | '\'') {
                    i += 1;
                }
                out.push(Tok::Word(chars[start..i].iter().collect()));
            }
        }
    }
    Ok(out)
}

struct Parser {
    toks: Vec<Tok>,
    pos: usize,
}

const OPS: &[&str] = &["eq", "ne", "gt", "ge", "lt", "le"];

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos)
    }

    fn next(&mut self) -> Option<Tok> {
        let t = self.toks.get(self.pos).cloned();
        self.pos += 1;
        t
    }

    fn keyword(&mut self, k: &str) -> bool {
        if matches!(self.peek(), Some(Tok::Word(w)) if w.eq_ignore_ascii_case(k)) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn expect(&mut self, t: Tok) -> Result<(), String> {
        if self.next() == Some(t.clone()) {
            Ok(())
        } else {
            Err(format!("expected {t:?}"))
        }
    }

    fn or(&mut self) -> Result<Expr, String> {
        let mut v = vec![self.and()?];
        while self.keyword("or") {
            v.push(self.and()?);
        }
        Ok(if v.len() == 1 {
            v.remove(0)
        } else {
            Expr::Or(v)
        })
    }

    fn and(&mut self) -> Result<Expr, String> {
        let mut v = vec![self.factor()?];
        while self.keyword("and") {
            v.push(self.factor()?);
        }
        Ok(if v.len() == 1 {
            v.remove(0)
        } else {
            Expr::And(v)
        })
    }

    fn literal(&mut self) -> Result<Lit, String> {
        match self.next() {
            Some(Tok::Str(s)) => Ok(Lit::Str(s)),
            Some(Tok::Word(w)) => Ok(match w.as_str() {
                "true" => Lit::Bool(true),
                "false" => Lit::Bool(false),
                "null" => Lit::Null,
                _ => w.parse::<f64>().map(Lit::Num).unwrap_or(Lit::Word(w)),
            }),
            other => Err(format!("expected a literal, found {other:?}")),
        }
    }

    fn op(&mut self) -> Result<String, String> {
        match self.next() {
            Some(Tok::Word(w)) if OPS.contains(&w.to_ascii_lowercase().as_str()) => {
                Ok(w.to_ascii_lowercase())
            }
            other => Err(format!("expected an operator, found {other:?}")),
        }
    }

    fn factor(&mut self) -> Result<Expr, String> {
        match self.next() {
            Some(Tok::Open) => {
                let e = self.or()?;
                self.expect(Tok::Close)?;
                Ok(e)
            }
            Some(Tok::Word(w)) => {
                if self.peek() == Some(&Tok::Open) {
                    self.pos += 1;
                    let lower = w.to_ascii_lowercase();
                    if let Some(path) = lower.strip_suffix("/any").map(|_| &w[..w.len() - 4]) {
                        // any(x:x eq 'v')
                        let Some(Tok::Word(var)) = self.next() else {
                            return Err("expected a lambda variable".into());
                        };
                        let Some((a, b)) = var.split_once(':') else {
                            return Err("expected x:x".into());
                        };
                        if a != b {
                            return Err("unsupported lambda".into());
                        }
                        let op = self.op()?;
                        let lit = self.literal()?;
                        self.expect(Tok::Close)?;
                        return Ok(Expr::Any {
                            path: path.to_string(),
                            op,
                            lit,
                        });
                    }
                    let Some(Tok::Word(path)) = self.next() else {
                        return Err("expected a property".into());
                    };
                    self.expect(Tok::Comma)?;
                    let lit = self.literal()?;
                    self.expect(Tok::Close)?;
                    return Ok(Expr::Func {
                        name: lower,
                        path,
                        lit,
                    });
                }
                let op = self.op()?;
                let lit = self.literal()?;
                Ok(Expr::Cmp { path: w, op, lit })
            }
            other => Err(format!("unexpected {other:?}")),
        }
    }
}

pub fn parse(s: &str) -> Result<Expr, String> {
    let mut p = Parser {
        toks: tokenize(s)?,
        pos: 0,
    };
    let e = p.or()?;
    if p.pos != p.toks.len() {
        return Err("trailing input".into());
    }
    Ok(e)
}

impl Expr {
    /// Every property path the expression reads.
    pub fn paths(&self) -> Vec<String> {
        match self {
            Expr::Or(v) | Expr::And(v) => v.iter().flat_map(Expr::paths).collect(),
            Expr::Cmp { path, .. } | Expr::Func { path, .. } | Expr::Any { path, .. } => {
                vec![path.clone()]
            }
        }
    }

    /// For `a eq 'x' or b eq 'y'` over indexed properties: the (property, value) pairs whose
    /// matches are the only candidates. `None` when the expression needs a full scan.
    pub fn equality_keys(&self) -> Option<Vec<(String, String)>> {
        match self {
            Expr::Or(v) => v
                .iter()
                .map(Expr::equality_keys)
                .try_fold(Vec::new(), |mut acc, k| {
                    acc.extend(k?);
                    Some(acc)
                }),
            Expr::Cmp {
                path,
                op,
                lit: Lit::Str(s),
            } if op == "eq" => Some(vec![(path.clone(), s.clone())]),
            _ => None,
        }
    }

    /// Whether it needs Graph's advanced query mode (`ConsistencyLevel: eventual`).
    pub fn is_advanced(&self) -> bool {
        match self {
            Expr::Or(v) | Expr::And(v) => v.iter().any(Expr::is_advanced),
            Expr::Cmp { op, .. } => op == "ne",
            Expr::Func { name, .. } => name == "endswith",
            Expr::Any { .. } => false,
        }
    }

    pub fn matches(&self, obj: &Value) -> bool {
        match self {
            Expr::Or(v) => v.iter().any(|e| e.matches(obj)),
            Expr::And(v) => v.iter().all(|e| e.matches(obj)),
            Expr::Cmp { path, op, lit } => compare(lookup(obj, path), op, lit),
            Expr::Func { name, path, lit } => {
                let (Some(Value::String(v)), Lit::Str(l)) = (lookup(obj, path), lit) else {
                    return false;
                };
                let (v, l) = (v.to_lowercase(), l.to_lowercase());
                match name.as_str() {
                    "startswith" => v.starts_with(&l),
                    "endswith" => v.ends_with(&l),
                    _ => false,
                }
            }
            Expr::Any { path, op, lit } => match lookup(obj, path) {
                Some(Value::Array(items)) => items.iter().any(|i| compare(Some(i), op, lit)),
                _ => false,
            },
        }
    }
}

fn lookup<'a>(obj: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('/').try_fold(obj, |v, seg| v.get(seg))
}

fn compare(v: Option<&Value>, op: &str, lit: &Lit) -> bool {
    use std::cmp::Ordering;
    let ord = match (v, lit) {
        (Some(Value::String(a)), Lit::Str(b)) => Some(a.to_lowercase().cmp(&b.to_lowercase())),
        // Unquoted date-times compare as instants.
        (Some(Value::String(a)), Lit::Word(b)) => {
            match (
                chrono::DateTime::parse_from_rfc3339(a),
                chrono::DateTime::parse_from_rfc3339(b),
            ) {
                (Ok(x), Ok(y)) => Some(x.cmp(&y)),
                _ => None,
            }
        }
        (Some(Value::Number(a)), Lit::Num(b)) => a.as_f64().and_then(|a| a.partial_cmp(b)),
        (Some(Value::Bool(a)), Lit::Bool(b)) => Some(a.cmp(b)),
        (None | Some(Value::Null), Lit::Null) => Some(Ordering::Equal),
        _ => None,
    };
    match (op, ord) {
        ("eq", Some(o)) => o == Ordering::Equal,
        ("ne", Some(o)) => o != Ordering::Equal,
        ("ne", None) => true,
        ("gt", Some(o)) => o == Ordering::Greater,
        ("ge", Some(o)) => o != Ordering::Less,
        ("lt", Some(o)) => o == Ordering::Less,
        ("le", Some(o)) => o != Ordering::Greater,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn quotes_stay_in_their_literal() {
        let e = parse("userPrincipalName eq 'liam.o''brien@contoso.com' or mail eq 'x'").unwrap();
        assert!(e.matches(&json!({"userPrincipalName": "Liam.O'Brien@contoso.com"})));
        let inj = parse("userPrincipalName eq 'x'' or startswith(userPrincipalName,''a'").unwrap();
        assert!(!inj.matches(&json!({"userPrincipalName": "adele@contoso.com"})));
        assert!(parse("userPrincipalName eq 'unterminated").is_err());
        assert!(parse("userPrincipalName eq").is_err());
    }

    #[test]
    fn lambdas_dates_and_numbers() {
        let e = parse("otherMails/any(x:x eq 'a@b.c')").unwrap();
        assert!(e.matches(&json!({"otherMails": ["A@b.c"]})));
        let e = parse("userId eq 'u' and createdDateTime ge 2024-05-01T00:00:00Z and status/errorCode eq 50126").unwrap();
        assert!(e.matches(&json!({"userId": "u", "createdDateTime": "2024-06-01T00:00:00Z", "status": {"errorCode": 50126}})));
        assert!(!e.matches(&json!({"userId": "u", "createdDateTime": "2024-04-01T00:00:00Z", "status": {"errorCode": 50126}})));
    }
}
