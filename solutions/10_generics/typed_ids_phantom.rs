// Question 10: What are generics in Rust?
//
// A lending library hands out numeric ids for books and for members. A book id must never be
// accepted where a member id is expected, so `Id<T>` carries the kind of thing it names as a
// type parameter: `Id<Book>` and `Id<Member>` are different types, and passing one for the
// other does not compile. No `T` is stored (`PhantomData<T>` takes no space), so at run time an
// id is just its `u32`.
//
// An id should be as easy to use as that `u32`: copied freely, compared (with an id of the same
// kind only), used as a `HashMap` key. Yet the library does not compile, because `Id<Book>` is
// neither `Copy` nor `Hash`, although the traits are derived. Find out what `#[derive]` requires
// of `T`, then make these traits hold for every `Id<T>`, whatever `T` is, even a kind of thing
// that has no traits at all. `Book` and `Member` stay as they are.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::marker::PhantomData;

#[derive(Debug)]
struct Book {
    title: String,
}

#[derive(Debug)]
struct Member {
    name: String,
}

// `#[derive(Clone)]` writes `impl<T: Clone> Clone for Id<T>`: it bounds every type parameter,
// whether or not a `T` is stored. `Book` is not `Clone`, `Hash`, ..., so neither was
// `Id<Book>`. Written by hand, the impls need nothing from `T`. (`Debug` can stay derived:
// `Book` and `Member` are `Debug`.)
#[derive(Debug)]
struct Id<T> {
    raw: u32,
    kind: PhantomData<T>,
}

impl<T> Clone for Id<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Id<T> {}

impl<T> PartialEq for Id<T> {
    fn eq(&self, other: &Self) -> bool {
        self.raw == other.raw
    }
}

impl<T> Eq for Id<T> {}

impl<T> Hash for Id<T> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.raw.hash(state);
    }
}

impl<T> Id<T> {
    fn new(raw: u32) -> Self {
        Id {
            raw,
            kind: PhantomData,
        }
    }

    fn raw(self) -> u32 {
        self.raw
    }
}

#[derive(Default)]
struct Library {
    books: HashMap<Id<Book>, Book>,
    members: HashMap<Id<Member>, Member>,
    loans: HashMap<Id<Book>, Id<Member>>,
    issued: u32,
}

impl Library {
    fn next_id<T>(&mut self) -> Id<T> {
        self.issued += 1;
        Id::new(self.issued)
    }

    fn add_book(&mut self, title: &str) -> Id<Book> {
        let id = self.next_id();
        let book = Book {
            title: title.to_owned(),
        };
        self.books.insert(id, book);
        id
    }

    fn add_member(&mut self, name: &str) -> Id<Member> {
        let id = self.next_id();
        let member = Member {
            name: name.to_owned(),
        };
        self.members.insert(id, member);
        id
    }

    fn lend(&mut self, book: Id<Book>, member: Id<Member>) -> Result<(), String> {
        if !self.books.contains_key(&book) {
            return Err(format!("no book with id {}", book.raw()));
        }
        if !self.members.contains_key(&member) {
            return Err(format!("no member with id {}", member.raw()));
        }
        if self.loans.contains_key(&book) {
            return Err(format!("book {} is already lent", book.raw()));
        }
        self.loans.insert(book, member);
        Ok(())
    }

    fn give_back(&mut self, book: Id<Book>) -> Option<Id<Member>> {
        self.loans.remove(&book)
    }

    fn borrower(&self, book: Id<Book>) -> Option<&str> {
        let member = self.loans.get(&book)?;
        self.members.get(member).map(|m| m.name.as_str())
    }

    /// Titles of the books lent to `member`, in alphabetical order.
    fn books_lent_to(&self, member: Id<Member>) -> Vec<&str> {
        let mut titles: Vec<&str> = self
            .loans
            .iter()
            .filter(|&(_, &borrower)| borrower == member)
            .filter_map(|(book, _)| self.books.get(book))
            .map(|b| b.title.as_str())
            .collect();
        titles.sort_unstable();
        titles
    }
}

fn main() {
    let mut library = Library::default();
    let dune = library.add_book("Dune");
    let noor = library.add_member("Noor");
    library.lend(dune, noor).unwrap();
    println!("{:?}", library.borrower(dune));
}
