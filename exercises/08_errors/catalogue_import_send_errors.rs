// Question 8: How do we handle errors in Rust?
//
// An online shop imports its suppliers' price lists, one file per supplier, each line
// "SKU,PRICE_IN_CENTS". `import_all` fetches and parses the files in parallel, one scoped
// thread per file, and returns every product, in the order of the files, or the error of
// the first file (in that order) that failed. Errors are boxed, `?` converts each kind
// into a box, and callers downcast the box to see what went wrong: a `RowError` for a bad
// price, an `io::Error` from `fetch`, or a plain message.
//
// It does not compile: the errors cannot leave the worker threads. Make it compile, keeping
// the parallel import, and so that callers can still downcast to each kind of error, and
// can hand an `ImportError` on to yet another thread.

use std::error::Error;
use std::fmt;
use std::io;
use std::num::ParseIntError;
use std::rc::Rc;
use std::thread;

type ImportError = Box<dyn Error>;

#[derive(Debug)]
struct Product {
    sku: String,
    price_cents: u32,
}

#[derive(Debug)]
struct RowError {
    /// Shared by every error of the same file: cheap to clone.
    file: Rc<str>,
    line: usize,
    source: ParseIntError,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} line {}: bad price", self.file, self.line)
    }
}

impl Error for RowError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        Some(&self.source)
    }
}

fn parse_file(name: &str, text: &str) -> Result<Vec<Product>, ImportError> {
    let file: Rc<str> = Rc::from(name);
    let mut products = Vec::new();
    for (index, row) in text.lines().enumerate() {
        let line = index + 1;
        let (sku, price) = row
            .split_once(',')
            .ok_or_else(|| format!("{name} line {line}: expected SKU,PRICE"))?;
        let price_cents = price.trim().parse().map_err(|source| RowError {
            file: Rc::clone(&file),
            line,
            source,
        })?;
        products.push(Product {
            sku: sku.trim().to_string(),
            price_cents,
        });
    }
    Ok(products)
}

/// `fetch` downloads one supplier's file by name.
fn import_all<F>(names: &[&str], fetch: &F) -> Result<Vec<Product>, ImportError>
where
    F: Fn(&str) -> io::Result<String> + Sync,
{
    thread::scope(|scope| {
        let workers: Vec<_> = names
            .iter()
            .map(|&name| scope.spawn(move || parse_file(name, &fetch(name)?)))
            .collect();
        let mut products = Vec::new();
        for worker in workers {
            products.extend(worker.join().expect("an import worker panicked")?);
        }
        Ok(products)
    })
}

fn main() {
    let fetch = |name: &str| match name {
        "acme.csv" => Ok("A-1,1299\nA-2,450".to_string()),
        "globex.csv" => Ok("G-7,12,99".to_string()),
        _ => Err(io::Error::new(io::ErrorKind::NotFound, "no such supplier")),
    };
    match import_all(&["acme.csv", "globex.csv"], &fetch) {
        Ok(products) => println!("imported {products:?}"),
        Err(err) => println!("import failed: {err}"),
    }
}
