// Question 2: What are ownership and borrowing in Rust?
// At any moment a value can have either any number of shared borrows (`&T`) or exactly one
// mutable borrow (`&mut T`), never both. That rule is what stops a collection from being
// changed while someone is still reading it.
//
// A shop's basket keeps one line per product. Before checkout, `drop_empty_lines` must remove
// every line whose quantity is zero, keep the other lines in their order, and return how many
// lines it removed. It does not compile: the basket is changed while a loop is still reading it.
// (In C++ the same loop compiles, and it invalidates the iterator.)
//
// Remove the empty lines without changing the vector in the middle of iterating over it, and
// without copying the basket or its lines.

#[derive(Debug, Clone, PartialEq)]
struct Line {
    product: String,
    quantity: u32,
}

fn drop_empty_lines(basket: &mut Vec<Line>) -> usize {
    // TODO
    let mut removed = 0;
    for (index, line) in basket.iter().enumerate() {
        if line.quantity == 0 {
            basket.remove(index);
            removed += 1;
        }
    }
    removed
}

fn main() {
    let mut basket = vec![
        Line {
            product: "tea".into(),
            quantity: 2,
        },
        Line {
            product: "milk".into(),
            quantity: 0,
        },
    ];
    let removed = drop_empty_lines(&mut basket);
    println!("removed {removed}, left {basket:?}");
}
