// Question 2: What are ownership and borrowing in Rust?
// Two `&mut` borrows may exist at the same time only if the compiler can see they do not
// overlap. Two fields of a struct: yes. Two elements of one `Vec`, picked by indices known only
// at run time: the compiler cannot tell, so it refuses. The standard library proves
// disjointness for you in a few safe methods, and you can build your own API on top of them.
//
// A warehouse moves stock between numbered bins. `two_bins_mut(a, b)` lends bin `a` and bin `b`
// mutably at the same time, in that order (it panics if `a == b` or an index is out of range:
// two `&mut` to one bin would break the rules). `transfer` uses it to move units from one bin
// to another. It does not compile. Fix `two_bins_mut` without cloning any bin and without
// `unsafe`; keep all signatures.

#[derive(Debug)]
struct Bin {
    label: String,
    units: u32,
}

#[derive(Debug, PartialEq)]
enum TransferError {
    SameBin,
    NotEnough { available: u32 },
}

struct Warehouse {
    bins: Vec<Bin>,
}

impl Warehouse {
    fn two_bins_mut(&mut self, a: usize, b: usize) -> (&mut Bin, &mut Bin) {
        assert_ne!(a, b, "bin {a} cannot be lent twice");
        // `split_at_mut` cuts the slice into two halves that cannot overlap, so each may be
        // borrowed mutably. Cut at the larger index: the smaller one is in the left half, the
        // larger one is the first element of the right half.
        if a < b {
            let (left, right) = self.bins.split_at_mut(b);
            (&mut left[a], &mut right[0])
        } else {
            let (left, right) = self.bins.split_at_mut(a);
            (&mut right[0], &mut left[b])
        }
    }

    fn transfer(&mut self, from: usize, to: usize, units: u32) -> Result<(), TransferError> {
        if from == to {
            return Err(TransferError::SameBin);
        }
        let (source, target) = self.two_bins_mut(from, to);
        if source.units < units {
            return Err(TransferError::NotEnough {
                available: source.units,
            });
        }
        source.units -= units;
        target.units += units;
        Ok(())
    }
}

fn main() {
    let mut warehouse = Warehouse {
        bins: ["A1", "A2", "B1"]
            .iter()
            .map(|label| Bin {
                label: label.to_string(),
                units: 10,
            })
            .collect(),
    };
    println!("{:?}", warehouse.transfer(2, 0, 4));
    println!("{:?}", warehouse.transfer(1, 1, 4));
    println!("{:?}", warehouse.bins);
}
