use super::*;

fn file(name: &str, data: &[u8]) -> (String, Vec<u8>) {
    (name.to_owned(), data.to_vec())
}

#[test]
fn checksums_of_a_few_files() {
    let results = checksum_all(vec![file("b.txt", b"abcdef"), file("a.txt", b"abcde")]);
    assert_eq!(
        results,
        [("a.txt".to_owned(), 0xC8F0), ("b.txt".to_owned(), 0x2057)]
    );
}

#[test]
fn no_files_no_results() {
    assert!(checksum_all(Vec::new()).is_empty());
}

#[test]
fn an_empty_file() {
    assert_eq!(
        checksum_all(vec![file("empty", b"")]),
        [("empty".to_owned(), 0)]
    );
}

#[test]
fn many_files_all_arrive() {
    let files: Vec<_> = (0..40)
        .map(|i| (format!("part{i:02}"), vec![i as u8; 100]))
        .collect();
    let results = checksum_all(files);
    assert_eq!(results.len(), 40);
    assert_eq!(results[0].0, "part00");
    assert_eq!(results[39].0, "part39");
    for (name, sum) in &results {
        let i: u8 = name[4..].parse().unwrap();
        assert_eq!(*sum, checksum(&[i; 100]));
    }
}
