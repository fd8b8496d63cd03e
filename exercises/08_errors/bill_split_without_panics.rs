// Question 8: How do we handle errors in Rust?
//
// A restaurant app splits a bill, in cents, between the diners at a table: everyone pays
// the same, and the cents that do not divide evenly go one each to the first diners, so
// the shares always add up to the total. `split_bill` is library code; the app's web
// server calls it with whatever number of diners a user typed in.
//
// A panic means "this program has a bug": it is right for a broken invariant, and wrong
// for bad input that a caller could reasonably send. Right now a table of zero diners, or
// of more than the app supports, panics and takes the request (or the server) down with
// it, although the signature promises a `Result` and `BillError` has a variant for each
// case. Make `split_bill` report those inputs as errors instead of panicking.

const MAX_DINERS: usize = 40;

#[derive(Debug, PartialEq)]
enum BillError {
    NoDiners,
    TooManyDiners { asked: usize, max: usize },
}

fn split_bill(total_cents: u64, diners: usize) -> Result<Vec<u64>, BillError> {
    // TODO: both of the next lines can panic on input a user can type.
    assert!(diners <= MAX_DINERS, "at most {MAX_DINERS} diners");
    let each = total_cents / diners as u64;
    let left_over = (total_cents % diners as u64) as usize;
    Ok((0..diners)
        .map(|i| each + u64::from(i < left_over))
        .collect())
}

fn main() {
    for diners in [3, 0, 100] {
        match split_bill(10_000, diners) {
            Ok(shares) => println!("{diners} diners pay {shares:?}"),
            Err(err) => println!("{diners} diners: {err:?}"),
        }
    }
}
